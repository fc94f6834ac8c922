import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { formatQuota } from '../../../../../shared/domain/quota';
import { describeAdjustment, type RenewalPlan } from '../../../../../shared/domain/term';
import { LicenseForecast } from './LicenseForecast';
import { formatDate } from '../../../components/dates';

export interface PlanChoice {
  /** Single license: a start the user chose instead of the default (empty: the default). */
  startOverride: string;
  overriding: boolean;
  /** Several licenses: align every new expiry to one date. */
  coTerm: boolean;
  coTermOn: string;
}

export type PlannedLine = { item: LicenseItem; plan: RenewalPlan | null; error: string | null };

const BASIS: Record<RenewalPlan['basis'], string> = {
  'old-expiry': 'at the old expiry: no day lost',
  'renewal-date': 'today: it has expired',
  override: 'the date you chose',
};

/** Old and new dates side by side; override for one license, co-terming for several. */
export function PlanStep({ lines, choice, onChange, today }: { lines: PlannedLine[]; choice: PlanChoice; onChange(c: PlanChoice): void; today: string }) {
  const single = lines.length === 1 ? lines[0]! : null;
  const set = (patch: Partial<PlanChoice>) => onChange({ ...choice, ...patch });
  const maintenance = lines.some((l) => l.item.term === 'lifetime');
  const warnings = lines.flatMap((l) => (l.plan?.warnings ?? []).map((w) => (single ? w : `Item ${l.item.itemId}: ${w}`)));
  return (
    <Stack sx={{ gap: 2 }}>
      <Typography variant="body2" color="textSecondary">
        A renewal is a new license with the same quota for another year{maintenance ? ' (for a lifetime license: another maintenance year)' : ''}. Renewed on {formatDate(today)}.
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Renewal plan">
          <TableHead>
            <TableRow>
              <TableCell>Item</TableCell>
              <TableCell>Quota</TableCell>
              <TableCell>Current term ends</TableCell>
              <TableCell>New term starts</TableCell>
              <TableCell>New term ends</TableCell>
              {choice.coTerm && <TableCell>Aligned</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map(({ item, plan, error }) => (
              <TableRow key={item.id}>
                <TableCell>
                  {item.itemId}
                  {item.term === 'lifetime' && (
                    <Typography variant="caption" color="textSecondary" component="div">
                      maintenance year
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{formatQuota(item.quotaAmount, item.quotaMode)}</TableCell>
                <TableCell>{plan?.oldEnd ? formatDate(plan.oldEnd) : '—'}</TableCell>
                <TableCell>
                  {plan ? formatDate(plan.newStart) : '—'}
                  {plan && (
                    <Typography variant="caption" color="textSecondary" component="div">
                      {BASIS[plan.basis]}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ fontWeight: 600 }}>{plan ? formatDate(plan.newEnd) : <Typography color="error" variant="body2">{error}</Typography>}</TableCell>
                {choice.coTerm && <TableCell>{plan ? describeAdjustment(plan.daysAdjusted) : '—'}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {single ? (
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <FormControlLabel control={<Switch checked={choice.overriding} onChange={(e) => set({ overriding: e.target.checked })} />} label="Start the new term on another date" />
          {choice.overriding && (
            <TextField type="date" size="small" label="New term starts on" value={choice.startOverride} onChange={(e) => set({ startOverride: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
          )}
        </Stack>
      ) : (
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <FormControlLabel control={<Switch checked={choice.coTerm} onChange={(e) => set({ coTerm: e.target.checked })} />} label="Align every new expiry to one date (co-terming)" />
          {choice.coTerm && (
            <TextField type="date" size="small" label="Aligned expiry" value={choice.coTermOn} onChange={(e) => set({ coTermOn: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} helperText="The vendor prorates; the app records the date you ask for" />
          )}
        </Stack>
      )}
      {warnings.length > 0 && (
        <Alert severity="warning">
          {warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        </Alert>
      )}
      {single && <LicenseForecast item={single.item} height={180} />}
    </Stack>
  );
}
