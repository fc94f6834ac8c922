import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { QUOTA_MODE_LABELS } from '../../../../../shared/domain/quota';
import type { UsageSnapshot } from '../../../../../shared/domain/usage';
import { numberFormat } from '../format';
import type { Loadable } from '../loadable';
import { AddUsageForm } from './AddUsageForm';
import { Section } from './Section';
import { UsageChart } from './UsageChart';
import { formatDate } from '../../../components/dates';

interface Props {
  item: LicenseItem;
  usage: Loadable<UsageSnapshot[]>;
  onAdd(takenOn: string, used: number, confirmed?: boolean): Promise<unknown>;
  /** The viewer's local date, for the chart's "today" marker. */
  today: string;
}

function SnapshotTable({ item, snapshots }: { item: LicenseItem; snapshots: UsageSnapshot[] }) {
  const newestFirst = [...snapshots].sort((a, b) => b.takenOn.localeCompare(a.takenOn) || b.id - a.id);
  return (
    <TableContainer sx={{ maxHeight: 240, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      {/* Narrow cell padding: beside the chart (a third of the page at 1024 px) the three columns fit whole. */}
      <Table size="small" stickyHeader aria-label="Usage snapshots" sx={{ '& td, & th': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ fontWeight: 600, bgcolor: 'background.paper' }}>Date</TableCell>
            <TableCell sx={{ fontWeight: 600, bgcolor: 'background.paper' }} align="right">
              Used
            </TableCell>
            <TableCell sx={{ fontWeight: 600, bgcolor: 'background.paper' }} align="right">
              Of quota
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {newestFirst.map((s) => (
            <TableRow key={s.id}>
              <TableCell>{formatDate(s.takenOn)}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {numberFormat.format(s.used)}
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', color: 'text.secondary' }}>
                {Math.round((s.used / item.quotaAmount) * 100)} %
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Recorded usage: a chart against the quota, the snapshots as a table, and a form to add one. */
export function UsageSection({ item, usage, onAdd, today }: Props) {
  const unit = QUOTA_MODE_LABELS[item.quotaMode].unit;
  const count = usage.state === 'ready' ? usage.value.length : null;
  return (
    <Section
      title="Usage"
      aside={
        count !== null && (
          <Typography variant="body2" color="textSecondary">
            {count} {count === 1 ? 'snapshot' : 'snapshots'}
          </Typography>
        )
      }
    >
      {usage.state === 'error' && <Alert severity="error">Could not load usage: {usage.message}</Alert>}
      {usage.state === 'loading' && <Skeleton variant="rounded" height={240} />}
      {usage.state === 'ready' && usage.value.length === 0 && (
        <Box sx={{ py: 3, px: 2, border: 1, borderStyle: 'dashed', borderColor: 'divider', borderRadius: 1, textAlign: 'center' }}>
          <Typography variant="body2" color="textSecondary">
            No usage recorded yet. Add a reading below to chart it against the quota.
          </Typography>
        </Box>
      )}
      {usage.state === 'ready' && usage.value.length > 0 && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 8 }}>
            <UsageChart item={item} snapshots={usage.value} today={today} />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <SnapshotTable item={item} snapshots={usage.value} />
          </Grid>
        </Grid>
      )}
      <Stack direction="row" sx={{ mt: 2, pt: 2, borderTop: 1, borderColor: 'divider', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Box sx={{ width: 320, pt: 0.25 }}>
          <Typography variant="body2" component="h3" sx={{ fontWeight: 600 }}>
            Add a reading
          </Typography>
          <Typography variant="caption" color="textSecondary">
            The &quot;used&quot; figure from the License Server&apos;s statistics page. A second reading on the same day replaces the first.
          </Typography>
        </Box>
        <AddUsageForm key={item.id} licenseId={item.id} unit={unit} today={today} onAdd={onAdd} />
      </Stack>
    </Section>
  );
}
