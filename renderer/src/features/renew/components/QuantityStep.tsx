import Alert from '@mui/material/Alert';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { LicenseItem } from '../../../../../shared/domain/license';
import { formatQuota } from '../../../../../shared/domain/quota';
import { forecast } from '../../../../../shared/status/forecast';
import { queries } from '../../../api/queries';
import { ForecastChart, ForecastMessage } from '../../../components/ForecastChart';

const MULTIPLES = [1, 2, 3, 5];

/** How much to add: the quota first bought, or a multiple; with the project's new total and run-out. */
export function QuantityStep({ item, quantity, onChange }: { item: LicenseItem; quantity: string; onChange(v: string): void }) {
  const usage = useQuery(queries.projectUsage(item.projectCode ?? '', item.productCode, item.quotaMode));
  const amount = Number(quantity);
  const valid = Number.isInteger(amount) && amount >= 1;
  const multiple = valid && amount % item.quotaAmount === 0 ? amount / item.quotaAmount : null;
  return (
    <Stack sx={{ gap: 2 }}>
      <Typography variant="body2" color="textSecondary">
        Added quota is a new license on the same project. The first purchase was {formatQuota(item.quotaAmount, item.quotaMode)}.
      </Typography>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <ToggleButtonGroup size="small" exclusive aria-label="Multiples of the first purchase" value={multiple} onChange={(_, m: number | null) => m && onChange(String(m * item.quotaAmount))}>
          {MULTIPLES.map((m) => (
            <ToggleButton key={m} value={m}>
              ×{m}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <TextField
          label="Quota to add"
          size="small"
          value={quantity}
          onChange={(e) => onChange(e.target.value.replace(/[^\d]/g, ''))}
          error={!valid}
          helperText={valid ? formatQuota(amount, item.quotaMode) : 'A whole number, at least 1'}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
      </Stack>
      {usage.isPending && <Skeleton variant="rounded" height={120} />}
      {usage.isError && <Alert severity="warning">The project's usage could not be loaded: {usage.error.message}</Alert>}
      {usage.data && (
        <ProjectTotals
          total={usage.data.totalQuota}
          added={valid ? amount : 0}
          item={item}
          readings={usage.data.readings}
          expiresOn={usage.data.expiresOn}
          itemCount={usage.data.itemCount}
        />
      )}
    </Stack>
  );
}

function ProjectTotals({ total, added, item, readings, expiresOn, itemCount }: { total: number; added: number; item: LicenseItem; readings: { takenOn: string; used: number }[]; expiresOn: string | null; itemCount: number }) {
  const now = forecast({ readings, quotaAmount: total, quotaMode: item.quotaMode, expiresOn });
  const after = forecast({ readings, quotaAmount: total + added, quotaMode: item.quotaMode, expiresOn });
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography variant="body2" aria-label="Project total">
        Project {item.projectCode}: {formatQuota(total, item.quotaMode)} on {itemCount} {itemCount === 1 ? 'license' : 'licenses'} now →{' '}
        <strong>{formatQuota(total + added, item.quotaMode)}</strong> with this order
      </Typography>
      {now.status === 'too-few-readings' ? (
        // Nothing to compare: the same sentence before and after the order would only repeat itself.
        <ForecastMessage forecast={now} />
      ) : (
        <>
          <Typography variant="caption" color="textSecondary">
            Now
          </Typography>
          <ForecastMessage forecast={now} />
          <Typography variant="caption" color="textSecondary">
            With the added quota
          </Typography>
          <ForecastChart forecast={after} readings={readings} quotaMode={item.quotaMode} expiresOn={expiresOn} label={`Projected usage of project ${item.projectCode} with the added quota`} height={180} />
        </>
      )}
    </Stack>
  );
}
