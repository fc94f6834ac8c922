import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { call } from '../../../api/client';
import { downloadFile } from '../../../components/download';
import type { LicenseView } from '../../../../../shared/domain/query';

export const EXPORT_BUTTON_ID = 'license-export';

/** Saves the whole current view (not just the rows on screen) through a download. */
export function ExportMenu({ view, onError }: { view: LicenseView; onError(message: string): void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const exportAs = async (format: 'csv' | 'json') => {
    setAnchor(null);
    try {
      downloadFile(await call('licenses:export', { ...view, format }));
    } catch (err) {
      onError((err as Error).message);
    }
  };
  return (
    <>
      <Button id={EXPORT_BUTTON_ID} startIcon={<DownloadIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" aria-expanded={anchor ? 'true' : undefined}>
        Export
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void exportAs('csv')}>Export view as CSV</MenuItem>
        <MenuItem onClick={() => void exportAs('json')}>Export view as JSON</MenuItem>
      </Menu>
    </>
  );
}
