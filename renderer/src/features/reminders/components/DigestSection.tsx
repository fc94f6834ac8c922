import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { differenceInCalendarDays } from 'date-fns';
import { useEffect, useRef } from 'react';
import type { Reminder, ReminderDigest, SnoozeChoice } from '../../../../../shared/domain/reminders';
import { localDate } from '../../../../../shared/status/time';
import { formatLongDate } from '../../../components/dates';
import { ReminderRow } from './ReminderRow';

function dayHeading(day: string, today: string): string {
  const ago = differenceInCalendarDays(localDate(today), localDate(day));
  const date = formatLongDate(day);
  return ago === 0 ? `Today, ${date}` : ago === 1 ? `Yesterday, ${date}` : date;
}

const plural = (n: number) => (n === 1 ? '1 reminder' : `${n.toLocaleString()} reminders`);

/**
 * One day's digest, or the part of it on this page: `total` is how many the day holds in all, and
 * `continued` says it began on an earlier page.
 */
export function DigestSection({
  digest,
  total,
  continued,
  today,
  busy,
  focused,
  act,
}: {
  digest: ReminderDigest;
  total: number;
  continued: boolean;
  today: string;
  busy: boolean;
  focused: boolean;
  act(r: Reminder, action: 'open' | 'dismiss' | SnoozeChoice): void;
}) {
  const id = `digest-${digest.day}`;
  const shown = digest.reminders.length;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a desktop notification: that day's digest comes into view with the focus on its heading.
  useEffect(() => {
    if (!focused) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [focused]);
  return (
    <Paper component="section" variant="outlined" aria-labelledby={id} sx={focused ? { borderColor: 'primary.main' } : undefined}>
      <Stack direction="row" sx={{ px: 2, py: 1.25, alignItems: 'baseline', gap: 1, borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap' }}>
        <Typography id={id} ref={heading} tabIndex={-1} variant="subtitle1" component="h2" sx={{ fontWeight: 600, outline: 'none' }}>
          {dayHeading(digest.day, today)}
          {continued ? ' (continued)' : ''}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {shown === total ? plural(total) : `${plural(total)}, ${shown.toLocaleString()} on this page`}
        </Typography>
      </Stack>
      <Stack component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {digest.reminders.map((r) => (
          <ReminderRow key={`${r.id}:${r.licenseId}`} reminder={r} busy={busy} onOpen={() => act(r, 'open')} onDismiss={() => act(r, 'dismiss')} onSnooze={(c) => act(r, c)} />
        ))}
      </Stack>
    </Paper>
  );
}
