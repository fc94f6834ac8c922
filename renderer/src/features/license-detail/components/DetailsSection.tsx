import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Grid from '@mui/material/Grid';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { formatDate } from '../../../components/dates';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { QUOTA_MODE_LABELS } from '../../../../../shared/domain/quota';
import { QUOTA_STATE_LABELS, TIME_STATE_LABELS, licenseStatus, quotaPercent, type StatusLabel } from '../../../../../shared/status/index';
import { useStatusSettings } from '../../../components/status-settings';
import { EMPTY, amountInUnit, deviceWindowLabel, fieldValue, formatTimestamp, numberFormat } from '../format';
import { FieldList, type FieldRow } from './FieldList';
import { Section } from './Section';

function StateChip({ label, dimension }: { label: StatusLabel; dimension: string }) {
  return (
    <Chip
      size="small"
      label={label.label}
      color={label.tone}
      variant="outlined"
      aria-label={`${dimension}: ${label.label}`}
      sx={{ height: 22, fontWeight: 500 }}
    />
  );
}

const ESTIMATE_NOTE = 'Estimated by the import (one year from the other date): the source did not give it. Edit the license to record the real date.';

/** A date, marked when an import estimated it rather than read it. */
function DateValue({ iso, estimated }: { iso: string; estimated: boolean }) {
  if (!estimated) return <>{formatDate(iso)}</>;
  return (
    <Tooltip title={ESTIMATE_NOTE}>
      <span>
        {formatDate(iso)}{' '}
        <Typography component="span" variant="caption" color="textSecondary" sx={{ fontStyle: 'italic' }}>
          (estimated)
        </Typography>
      </span>
    </Tooltip>
  );
}

/** Every stored field, plus both status dimensions (the headline chip in the header shows only the worse). */
export function DetailsSection({ item, now }: { item: LicenseItem; now: Date }) {
  const settings = useStatusSettings();
  const status = licenseStatus(item, now, settings);
  const mode = QUOTA_MODE_LABELS[item.quotaMode];

  const pct = quotaPercent(item);

  const identity: FieldRow[] = [
    { label: 'Item ID', value: item.itemId, mono: true },
    { label: 'License ID', value: item.licenseId ?? EMPTY, mono: Boolean(item.licenseId) },
    { label: 'Order ID', value: item.orderId ?? EMPTY, mono: Boolean(item.orderId) },
    { label: 'Product', value: item.productName },
    { label: 'Edition', value: item.edition ?? EMPTY },
    { label: 'Version', value: item.version ?? EMPTY },
    { label: 'Alias', value: item.alias ?? EMPTY },
    { label: 'Project', value: item.projectCode ?? 'None', mono: Boolean(item.projectCode) },
  ];
  const term: FieldRow[] = [
    { label: 'Term', value: fieldValue('term', item.term) },
    { label: 'Activation', value: item.activationStatus === 'activated' ? 'Activated' : 'New (not activated)' },
    { label: 'Activated on', value: item.activatedOn ? <DateValue iso={item.activatedOn} estimated={item.estimatedDates.includes('activatedOn')} /> : EMPTY },
    { label: 'Expiry', value: item.expiresOn ? <DateValue iso={item.expiresOn} estimated={item.estimatedDates.includes('expiresOn')} /> : item.term === 'lifetime' ? 'None (lifetime)' : EMPTY },
    ...(item.term === 'lifetime' ? [{ label: 'Maintenance until', value: item.maintenanceExpiresOn ? formatDate(item.maintenanceExpiresOn) : EMPTY }] : []),
    { label: 'Time status', value: <StateChip label={TIME_STATE_LABELS[status.time]} dimension="Time status" /> },
    ...(item.renewedById !== null
      ? [{ label: 'Renewed by', value: <Link href={`#/licenses/${item.renewedById}`}>The renewal item</Link> }]
      : []),
  ];
  const quota: FieldRow[] = [
    { label: 'Quota mode', value: mode.label },
    ...(item.quotaMode === 'devices' ? [{ label: 'Device window', value: item.deviceWindow ? deviceWindowLabel(item.deviceWindow) : 'Not specified' }] : []),
    { label: 'Quota', value: amountInUnit(item.quotaAmount, item.quotaMode) },
    { label: 'Latest usage', value: item.used === null ? 'Not recorded' : `${numberFormat.format(item.used)}${pct === null ? '' : ` (${Math.round(pct)} %)`}` },
    { label: 'Read on', value: item.usedOn ? formatDate(item.usedOn) : EMPTY },
    { label: 'Quota status', value: <StateChip label={QUOTA_STATE_LABELS[status.quota]} dimension="Quota status" /> },
  ];
  const record: FieldRow[] = [
    { label: 'Created', value: formatTimestamp(item.createdAt) },
    { label: 'Updated', value: formatTimestamp(item.updatedAt) },
  ];

  return (
    <Section title="Details">
      <Grid container columnSpacing={3} rowSpacing={1.5}>
        <Grid size={{ xs: 12, md: 6, lg: 4 }}>
          <FieldList rows={identity} />
        </Grid>
        <Grid size={{ xs: 12, md: 6, lg: 4 }}>
          <FieldList rows={term} />
        </Grid>
        <Grid size={{ xs: 12, md: 6, lg: 4 }}>
          <FieldList rows={quota} />
        </Grid>
        <Grid size={{ xs: 12, md: 6, lg: 8 }}>
          <Typography variant="body2" color="textSecondary" component="h3" sx={{ mb: 0.25 }}>
            Notes
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: item.notes ? 'text.primary' : 'text.secondary' }}>
            {item.notes || 'No notes.'}
          </Typography>
        </Grid>
        <Grid size={{ xs: 12, md: 6, lg: 4 }}>
          <FieldList rows={record} />
        </Grid>
      </Grid>
    </Section>
  );
}
