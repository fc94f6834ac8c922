import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { call } from '../../../api/client';
import { SavedFileSnackbar } from '../../../components/SavedFileSnackbar';

/** The whole log with its chain, saved through the platform (a save dialog in the app). */
export function AuditExportMenu({ onError }: { onError(message: string): void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [running, setRunning] = useState(false);
  const [saved, setSaved] = useState<{ path: string; rows: number } | null>(null);
  const exportAs = async (format: 'csv' | 'json') => {
    setAnchor(null);
    setRunning(true);
    try {
      const r = await call('audit:export', { format });
      if (r.saved) setSaved({ path: r.saved.path, rows: r.rows });
    } catch (err) {
      onError((err as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return (
    <>
      <Button startIcon={<DownloadIcon />} disabled={running} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" aria-expanded={anchor ? 'true' : undefined}>
        {running ? 'Exporting…' : 'Export'}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void exportAs('csv')}>Export audit log as CSV</MenuItem>
        <MenuItem onClick={() => void exportAs('json')}>Export audit log as JSON</MenuItem>
      </Menu>
      <SavedFileSnackbar
        path={saved?.path ?? null}
        message={saved ? `Saved ${saved.rows.toLocaleString()} audit ${saved.rows === 1 ? 'entry' : 'entries'} to ${saved.path}` : ''}
        onClose={() => setSaved(null)}
        onError={onError}
      />
    </>
  );
}
