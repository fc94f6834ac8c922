import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { LicenseItem } from '../../../shared/domain/license';
import { quotaPercent, quotaState } from '../../../shared/status/index';

const fmt = new Intl.NumberFormat();

const COLOR = { blocked: 'error', grace: 'error', 'band-100': 'error', 'band-80': 'warning', 'band-60': 'warning', ok: 'success', unknown: 'inherit' } as const;

/** "used / total" with a bar; the bar's colour follows Dynamsoft's 60/80/100 % alert bands. */
export function QuotaBar({ item }: { item: LicenseItem }) {
  const pct = quotaPercent(item);
  const state = quotaState(item);
  const text = `${item.used === null ? '–' : fmt.format(item.used)} / ${fmt.format(item.quotaAmount)}`;
  return (
    <Box sx={{ minWidth: 0 }} title={pct === null ? 'Usage not recorded' : `${Math.round(pct)} % of quota used`}>
      <Typography variant="body2" sx={{ fontSize: 'inherit', fontVariantNumeric: 'tabular-nums', lineHeight: 1.3, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {text}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={pct === null ? 0 : Math.min(100, pct)}
        color={COLOR[state]}
        aria-label={pct === null ? 'Usage not recorded' : `${Math.round(pct)} % of quota used`}
        sx={{ height: 4, borderRadius: 2, mt: 0.25 }}
      />
    </Box>
  );
}
