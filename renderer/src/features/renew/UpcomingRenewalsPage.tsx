import AutorenewIcon from '@mui/icons-material/Autorenew';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { HeadCells } from '../../components/HeadCells';
import { useState } from 'react';
import { productLabel, type LicenseItem } from '../../../../shared/domain/license';
import { formatQuota } from '../../../../shared/domain/quota';
import { daysLeft } from '../../../../shared/status/time';
import { queries } from '../../api/queries';
import { useRoute } from '../../app/route';
import { localIsoDate, useNow } from '../../components/useNow';
import { RenewWizard } from './RenewWizard';
import { formatDate } from '../../components/dates';

/** Product names and project codes wrap (a code after its hyphen) so the table fits a 900 px window without a sideways scroll. */
const WRAP = { whiteSpace: 'normal', overflowWrap: 'break-word' } as const;
/** Half the default cell padding: eight columns and a button fit at 900 px. */
const CELLS = { '& .MuiTableCell-root:not(.MuiTableCell-paddingCheckbox)': { px: 1 } } as const;

const LOOK_AHEAD = [30, 60, 90, 180, 365];
const OPEN = { states: ['draft', 'sent'] as ('draft' | 'sent')[], kinds: ['renewal' as const] };

/** Licenses expiring within the look-ahead, soonest first, with the days left; renew one or several. */
export function UpcomingRenewalsPage({ days }: { days: number }) {
  const now = useNow();
  const asOf = localIsoDate(now);
  const replace = useRoute((s) => s.replace);
  const list = useQuery(queries.upcoming(asOf, days));
  const open = useQuery(queries.orders(OPEN));
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [renewing, setRenewing] = useState<LicenseItem[] | null>(null);
  const [run, setRun] = useState(0);
  // Renewed items are already taken care of.
  const rows = (list.data ?? []).filter((i) => i.renewedById === null && i.activationStatus === 'activated');
  const orderOf = new Map<number, number>();
  for (const o of open.data ?? []) for (const l of o.lines) if (l.sourceId !== null) orderOf.set(l.sourceId, o.id);
  const renewable = rows.filter((r) => !orderOf.has(r.id));
  const picked = renewable.filter((r) => selected.has(r.id));
  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const startRenewal = (items: LicenseItem[]) => {
    setRun((r) => r + 1);
    setRenewing(items);
  };

  return (
    <Stack sx={{ p: 3, gap: 2, maxWidth: 1400 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          Upcoming renewals
        </Typography>
        <FormControl size="small" sx={{ minWidth: 160 }}>
          <InputLabel id="look-ahead">Look ahead</InputLabel>
          <Select labelId="look-ahead" label="Look ahead" value={days} onChange={(e) => replace({ page: 'renewals', days: Number(e.target.value) })}>
            {[...new Set([...LOOK_AHEAD, days])].sort((a, b) => a - b).map((d) => (
              <MenuItem key={d} value={d}>
                {d} days
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Button variant="contained" startIcon={<AutorenewIcon />} disabled={picked.length === 0} onClick={() => startRenewal(picked)}>
          Renew selected{picked.length > 0 ? ` (${picked.length})` : ''}
        </Button>
      </Stack>
      {list.isPending && <Skeleton variant="rounded" height={200} />}
      {list.isError && <Alert severity="error">Could not load the licenses: {list.error.message}</Alert>}
      {list.data && rows.length === 0 && <Alert severity="success">No license expires in the next {days} days.</Alert>}
      {rows.length > 0 && (
        <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" aria-label="Licenses expiring soon" sx={CELLS}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox
                    slotProps={{ input: { 'aria-label': 'Select every license without an open order' } }}
                    checked={renewable.length > 0 && picked.length === renewable.length}
                    indeterminate={picked.length > 0 && picked.length < renewable.length}
                    onChange={(e) => setSelected(new Set(e.target.checked ? renewable.map((r) => r.id) : []))}
                  />
                </TableCell>
                <HeadCells labels={['Item', 'Product', 'Quota', 'Project', 'Expires', 'Days left', '']} />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => {
                const order = orderOf.get(r.id);
                const left = r.expiresOn ? daysLeft(r.expiresOn, now) : null;
                return (
                  <TableRow key={r.id} hover selected={selected.has(r.id)}>
                    <TableCell padding="checkbox">
                      <Checkbox slotProps={{ input: { 'aria-label': `Select item ${r.itemId}` } }} checked={selected.has(r.id)} disabled={order !== undefined} onChange={() => toggle(r.id)} />
                    </TableCell>
                    <TableCell>
                      <Link href={`#/licenses/${r.id}`}>{r.itemId}</Link>
                    </TableCell>
                    <TableCell sx={WRAP}>{productLabel(r)}</TableCell>
                    <TableCell>{formatQuota(r.quotaAmount, r.quotaMode)}</TableCell>
                    <TableCell sx={WRAP}>{r.projectCode ?? '—'}</TableCell>
                    <TableCell>{r.expiresOn ? formatDate(r.expiresOn) : ''}</TableCell>
                    <TableCell sx={{ fontVariantNumeric: 'tabular-nums', color: left !== null && left <= 14 ? 'error.main' : left !== null && left <= 30 ? 'warning.main' : undefined, fontWeight: 600 }}>
                      {left === 0 ? 'today' : `${left} ${left === 1 ? 'day' : 'days'}`}
                    </TableCell>
                    <TableCell align="right">
                      {order !== undefined ? (
                        <Chip size="small" component="a" href={`#/orders?order=${order}`} clickable label={`Order #${order} open`} />
                      ) : (
                        <Button size="small" onClick={() => startRenewal([r])} aria-label={`Renew item ${r.itemId}`}>
                          Renew
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {renewing && (
        <RenewWizard
          key={run}
          items={renewing}
          open
          onClose={() => {
            setRenewing(null);
            setSelected(new Set());
          }}
        />
      )}
    </Stack>
  );
}
