import EventIcon from '@mui/icons-material/EventOutlined';
import Alert from '@mui/material/Alert';
import Button, { type ButtonProps } from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useState } from 'react';
import type { ChannelInput } from '../../../../../shared/ipc/contract';
import { call } from '../../../api/client';
import { SavedFileSnackbar } from '../../../components/SavedFileSnackbar';
import { localIsoDate } from '../../../components/useNow';

type Scope = { scope: 'all' } | { scope: 'license'; licenseId: number } | { scope: 'project'; projectCode: string };

/**
 * Saves an .ics of order-by and expiry events (with alarms at the reminder offsets) for all licenses,
 * one project or one license, through the platform (a save dialog in the app, the Settings folder in
 * the browser host), then offers to open it or show it in its folder. Re-importing a later file
 * updates the same events in the calendar.
 */
export function CalendarExportButton({ target, label = 'Add to calendar', ...props }: { target: Scope; label?: string } & Omit<ButtonProps, 'onClick'>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ path: string; events: number } | null>(null);
  const save = async () => {
    setBusy(true);
    setSaved(null);
    try {
      const input = { ...target, asOf: localIsoDate(new Date()) } as ChannelInput<'reminders:calendar'>;
      const result = await call('reminders:calendar', input);
      if (result.saved) setSaved({ path: result.saved.path, events: result.events });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button startIcon={<EventIcon />} disabled={busy} onClick={() => void save()} {...props}>
        {label}
      </Button>
      <SavedFileSnackbar
        path={saved?.path ?? null}
        message={saved ? `Saved ${saved.events} calendar ${saved.events === 1 ? 'event' : 'events'} to ${saved.path}` : ''}
        onClose={() => setSaved(null)}
        onError={setError}
      />
      <Snackbar open={Boolean(error)} autoHideDuration={8000} onClose={() => setError(null)}>
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      </Snackbar>
    </>
  );
}
