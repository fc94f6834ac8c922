import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { call } from '../api/client';

/**
 * "Saved … to PATH" with Open and Show in folder, for a file the main side just wrote through the
 * platform (an export, a calendar). Main opens only files it saved itself (files:open, files:reveal).
 */
export function SavedFileSnackbar({ path, message, onClose, onError }: { path: string | null; message: string; onClose(): void; onError(message: string): void }) {
  const fileAction = (channel: 'files:open' | 'files:reveal') => {
    if (path) call(channel, { path }).catch((err: unknown) => onError((err as Error).message));
  };
  return (
    <Snackbar
      open={path !== null}
      onClose={(_e, reason) => reason !== 'clickaway' && onClose()}
      autoHideDuration={12_000}
      message={message}
      action={
        <>
          <Button color="inherit" size="small" onClick={() => fileAction('files:open')}>
            Open
          </Button>
          <Button color="inherit" size="small" onClick={() => fileAction('files:reveal')}>
            Show in folder
          </Button>
        </>
      }
    />
  );
}
