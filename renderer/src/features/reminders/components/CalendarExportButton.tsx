import EventIcon from '@mui/icons-material/EventOutlined';
import Alert from '@mui/material/Alert';
import Button, { type ButtonProps } from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useState } from 'react';
import type { ChannelInput } from '../../../../../shared/ipc/contract';
import { call } from '../../../api/client';
import { downloadFile } from '../../../components/download';
import { localIsoDate } from '../../../components/useNow';

type Scope = { scope: 'all' } | { scope: 'license'; licenseId: number } | { scope: 'project'; projectCode: string };

/**
 * Saves an .ics of order-by and expiry events (with alarms at the reminder offsets) for all licenses,
 * one project or one license. Re-importing a later file updates the same events in the calendar.
 */
export function CalendarExportButton({ target, label = 'Add to calendar', ...props }: { target: Scope; label?: string } & Omit<ButtonProps, 'onClick'>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    try {
      const input = { ...target, asOf: localIsoDate(new Date()) } as ChannelInput<'reminders:calendar'>;
      downloadFile(await call('reminders:calendar', input));
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
      <Snackbar open={Boolean(error)} autoHideDuration={8000} onClose={() => setError(null)}>
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      </Snackbar>
    </>
  );
}
