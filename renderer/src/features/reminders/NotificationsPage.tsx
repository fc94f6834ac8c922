import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { differenceInCalendarDays } from 'date-fns';
import { useEffect, useRef, useState } from 'react';
import type { Reminder, ReminderDigest, SnoozeChoice } from '../../../../shared/domain/reminders';
import { write } from '../../api/mutations';
import { queries } from '../../api/queries';
import { useRoute } from '../../app/route';
import { localIsoDate, useNow } from '../../components/useNow';
import { localDate } from '../../../../shared/status/time';
import { CalendarExportButton } from './components/CalendarExportButton';
import { ReminderRow } from './components/ReminderRow';
import { RenewFromReminder } from './components/RenewFromReminder';
import { formatLongDate } from '../../components/dates';

function dayHeading(day: string, today: string): string {
  const ago = differenceInCalendarDays(localDate(today), localDate(day));
  const date = formatLongDate(day);
  return ago === 0 ? `Today, ${date}` : ago === 1 ? `Yesterday, ${date}` : date;
}

function Digest({ digest, today, busy, focused, act }: { digest: ReminderDigest; today: string; busy: boolean; focused: boolean; act(r: Reminder, action: 'open' | 'dismiss' | SnoozeChoice): void }) {
  const id = `digest-${digest.day}`;
  const n = digest.reminders.length;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a desktop notification: that day's digest comes into view with the focus on its heading.
  useEffect(() => {
    if (!focused) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [focused]);
  return (
    <Paper component="section" variant="outlined" aria-labelledby={id} sx={focused ? { borderColor: 'primary.main' } : undefined}>
      <Stack direction="row" sx={{ px: 2, py: 1.25, alignItems: 'baseline', gap: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Typography id={id} ref={heading} tabIndex={-1} variant="subtitle1" component="h2" sx={{ fontWeight: 600, outline: 'none' }}>
          {dayHeading(digest.day, today)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {n === 1 ? '1 reminder' : `${n} reminders`}
        </Typography>
      </Stack>
      <Stack component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {digest.reminders.map((r) => (
          <ReminderRow key={r.id} reminder={r} busy={busy} onOpen={() => act(r, 'open')} onDismiss={() => act(r, 'dismiss')} onSnooze={(c) => act(r, c)} />
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * The notifications centre: what is due, one digest per day it fell due (today first), each reminder
 * opening its license, its order or the renew wizard, and dismissed or snoozed here. A dismissed reminder never comes back.
 */
export function NotificationsPage({ day = null }: { day?: string | null }) {
  const today = localIsoDate(useNow());
  const go = useRoute((s) => s.go);
  const { data, error, isPending } = useQuery(queries.reminders(today));
  const settings = useQuery(queries.reminderSettings()).data;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const [renewing, setRenewing] = useState<{ licenseId: number; run: number } | null>(null);

  const open = ({ target }: Reminder) => {
    if (target.kind === 'order') return go({ page: 'orders', query: { states: [], kinds: [], selected: target.orderId } });
    if (target.kind === 'renew') return setRenewing((prev) => ({ licenseId: target.licenseId, run: (prev?.run ?? 0) + 1 }));
    go({ page: 'license', id: target.licenseId });
  };

  const act = (r: Reminder, action: 'open' | 'dismiss' | SnoozeChoice) => {
    if (action === 'open') return open(r);
    setBusy(true);
    setFailure(null);
    const done = action === 'dismiss' ? write('reminders:dismiss', { id: r.id, asOf: today }) : write('reminders:snooze', { id: r.id, choice: action, asOf: today });
    done.catch((err: Error) => setFailure(err.message)).finally(() => setBusy(false));
  };

  return (
    <Stack sx={{ p: 3, gap: 2, maxWidth: 1000 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Stack sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h1">
            Notifications
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {settings
              ? `Renewal reminders count back from the order-by date: ${settings.leadTimeDays} business days of procurement before each expiry.`
              : 'Renewal reminders count back from the order-by date.'}
          </Typography>
        </Stack>
        <CalendarExportButton target={{ scope: 'all' }} label="Export calendar (.ics)" variant="outlined" />
      </Stack>
      {failure && (
        <Alert severity="error" onClose={() => setFailure(null)}>
          {failure}
        </Alert>
      )}
      {error && <Alert severity="error">{error.message}</Alert>}
      {!isPending && data?.count === 0 && (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="subtitle1" component="p">
            Nothing is due today.
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {settings ? `Reminders come ${settings.offsets.join(', ')} days before each order-by date, and when quota reaches 80 % and 100 %.` : ''}
          </Typography>
        </Paper>
      )}
      {data?.digests.map((d) => <Digest key={d.day} digest={d} today={today} busy={busy} focused={d.day === day} act={act} />)}
      {/* A new key per opening, so the wizard never resumes a half-finished earlier run. */}
      {renewing && <RenewFromReminder key={renewing.run} licenseId={renewing.licenseId} onClose={() => setRenewing(null)} />}
    </Stack>
  );
}
