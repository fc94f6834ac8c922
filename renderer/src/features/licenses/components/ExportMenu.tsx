import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { memo, useEffect, useState } from 'react';
import { call, onJobProgress } from '../../../api/client';
import { SavedFileSnackbar } from '../../../components/SavedFileSnackbar';
import type { LicenseView } from '../../../../../shared/domain/query';
import type { JobProgress } from '../../../../../shared/ipc/events';
import { DEFAULT_LIST_QUERY, useRoute } from '../../../app/route';
import { localIsoDate } from '../../../components/useNow';

export const EXPORT_BUTTON_ID = 'license-export';

/** The view as the route has it now, for today: read when the user exports, so typing never re-renders the menu. */
function currentView(): LicenseView {
  const { route } = useRoute.getState();
  const query = route.page === 'licenses' ? route.query : DEFAULT_LIST_QUERY;
  return { ...query, asOf: localIsoDate(new Date()) };
}

interface Saved {
  path: string;
  rows: number;
}

/**
 * Writes the whole current view (not just the rows on screen) to a file: main builds it off the IPC
 * thread and saves it through the platform (a save dialog in the app, the Settings folder in the
 * browser host). Progress shows on the button; the saved file can be opened or shown in its folder.
 */
export const ExportMenu = memo(function ExportMenu({ onError }: { onError(message: string): void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);

  useEffect(() => {
    if (!running) return;
    return onJobProgress((p) => {
      if (p.kind === 'export') setProgress(p);
    });
  }, [running]);

  const exportAs = async (format: 'csv' | 'json') => {
    setAnchor(null);
    setRunning(true);
    setProgress(null);
    try {
      const result = await call('licenses:export', { ...currentView(), format });
      if (result.saved) setSaved({ path: result.saved.path, rows: result.rows });
    } catch (err) {
      onError((err as Error).message);
    } finally {
      setRunning(false);
    }
  };
  const percent = progress?.total ? Math.round((progress.done / progress.total) * 100) : null;

  return (
    <>
      <Button
        id={EXPORT_BUTTON_ID}
        startIcon={running ? <CircularProgress size={16} variant={percent === null ? 'indeterminate' : 'determinate'} value={percent ?? 0} aria-label="Export progress" /> : <DownloadIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        disabled={running}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
      >
        {running ? `Exporting${percent === null ? '…' : ` ${percent}%`}` : 'Export'}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void exportAs('csv')}>Export view as CSV</MenuItem>
        <MenuItem onClick={() => void exportAs('json')}>Export view as JSON</MenuItem>
      </Menu>
      <SavedFileSnackbar
        path={saved?.path ?? null}
        message={saved ? `Saved ${saved.rows.toLocaleString()} ${saved.rows === 1 ? 'item' : 'items'} to ${saved.path}` : ''}
        onClose={() => setSaved(null)}
        onError={onError}
      />
    </>
  );
});
