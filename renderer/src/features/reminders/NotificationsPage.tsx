import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TablePagination from '@mui/material/TablePagination';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Reminder, ReminderPage, SnoozeChoice } from '../../../../shared/domain/reminders';
import { write } from '../../api/mutations';
import { queries } from '../../api/queries';
import { useRoute } from '../../app/route';
import { localIsoDate, useNow } from '../../components/useNow';
import { CalendarExportButton } from './components/CalendarExportButton';
import { DigestSection } from './components/DigestSection';
import { RenewFromReminder } from './components/RenewFromReminder';

const PAGE_SIZES = [25, 50, 100, 200];

/** Where a day's digest begins in the whole list: the reminders of the newer days come before it. */
function startOf(days: ReminderPage['days'], day: string): number | null {
  let before = 0;
  for (const d of days) {
    if (d.day === day) return before;
    before += d.count;
  }
  return null;
}

/**
 * The notifications centre: what is due, one digest per day it fell due (today first), each reminder
 * opening its license, its order or the renew wizard, and dismissed or snoozed here. A dismissed
 * reminder never comes back. A page at a time: at 100,000 licenses tens of thousands can be due.
 */
export function NotificationsPage({ day = null }: { day?: string | null }) {
  const today = localIsoDate(useNow());
  const go = useRoute((s) => s.go);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const { data, error, isPending } = useQuery({ ...queries.reminderPage(today, page * pageSize, pageSize), placeholderData: keepPreviousData });
  const settings = useQuery(queries.reminderSettings()).data;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const top = useRef<HTMLDivElement>(null);

  const [renewing, setRenewing] = useState<{ licenseId: number; run: number } | null>(null);

  // Opened on a day (a desktop notification): the page where that day's digest begins. Set while
  // rendering, once the outline is known (React's "adjusting state when a prop changes").
  const [placedDay, setPlacedDay] = useState<string | null>(null);
  if (day && placedDay !== day && data) {
    const start = startOf(data.days, day);
    setPlacedDay(day);
    if (start !== null) setPage(Math.floor(start / pageSize));
  }

  // Dismissing the last reminders of the last page: the page before it, rather than an empty one.
  const count = data?.count ?? 0;
  if (page > 0 && data && data.offset === page * pageSize && data.offset >= count) setPage(Math.max(0, Math.ceil(count / pageSize) - 1));

  // From the controls below the list, the new page is read from its top.
  const turn = (p: number, where: 'top' | 'bottom') => {
    setPage(p);
    if (where === 'bottom') top.current?.scrollIntoView({ block: 'start' });
  };

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

  // Shown while there is more than the smallest page, so a larger page size can be changed back.
  const pager = (where: 'top' | 'bottom') =>
    count > PAGE_SIZES[0]! && (
      <Box component="nav" aria-label={where === 'top' ? 'Reminder pages' : 'Reminder pages, end of list'}>
        <TablePagination
          component="div"
          count={count}
          page={Math.min(page, Math.max(0, Math.ceil(count / pageSize) - 1))}
          onPageChange={(_e, p) => turn(p, where)}
          rowsPerPage={pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          onRowsPerPageChange={(e) => {
            setPageSize(Number(e.target.value));
            setPage(0);
          }}
          labelRowsPerPage="Reminders per page"
          showFirstButton
          showLastButton
          sx={{ '& .MuiTablePagination-toolbar': { px: 0 } }}
        />
      </Box>
    );

  // The outline of the whole list: how many each day holds, and where the page's first day began.
  const totals = new Map((data?.days ?? []).map((d) => [d.day, d.count]));
  const firstStart = data?.digests[0] ? startOf(data.days, data.digests[0].day) : null;

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
      <div ref={top}>{pager('top')}</div>
      {data?.digests.map((d, i) => (
        <DigestSection
          key={d.day}
          digest={d}
          total={totals.get(d.day) ?? d.reminders.length}
          continued={i === 0 && firstStart !== null && firstStart < data.offset}
          today={today}
          busy={busy}
          focused={d.day === day && placedDay === day}
          act={act}
        />
      ))}
      {pager('bottom')}
      {/* A new key per opening, so the wizard never resumes a half-finished earlier run. */}
      {renewing && <RenewFromReminder key={renewing.run} licenseId={renewing.licenseId} onClose={() => setRenewing(null)} />}
    </Stack>
  );
}
