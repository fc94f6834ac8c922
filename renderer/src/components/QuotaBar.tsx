import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import type { LicenseItem } from '../../../shared/domain/license';
import { quotaPercent, quotaState } from '../../../shared/status/index';
import { EMPTY_VALUE } from '../../../shared/domain/labels';

const fmt = new Intl.NumberFormat();

const QUOTA_COLOR = { blocked: 'error', grace: 'error', 'band-100': 'error', 'band-80': 'warning', 'band-60': 'warning', ok: 'success', unknown: 'inherit' } as const;

export interface QuotaView {
  /** "used / total" */
  text: string;
  /** Title and accessible name of the bar. */
  label: string;
  /** Bar fill, 0–100. */
  value: number;
  color: (typeof QUOTA_COLOR)[keyof typeof QUOTA_COLOR];
}

export function quotaView(item: LicenseItem): QuotaView {
  const pct = quotaPercent(item);
  return {
    text: `${item.used === null ? EMPTY_VALUE : fmt.format(item.used)} / ${fmt.format(item.quotaAmount)}`,
    label: pct === null ? 'Usage not recorded' : `${Math.round(pct)} % of quota used`,
    value: pct === null ? 0 : Math.min(100, pct),
    color: QUOTA_COLOR[quotaState(item)],
  };
}

const BOX_SX = { minWidth: 0 } as const;
const TEXT_SX = { fontSize: 'inherit', fontVariantNumeric: 'tabular-nums', lineHeight: 1.3, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
const BAR_SX = { height: 4, borderRadius: 2, mt: 0.25 } as const;

/** "used / total" with a bar; the bar's colour follows Dynamsoft's 60/80/100 % alert bands. */
export const QuotaBar = memo(function QuotaBar({ item }: { item: LicenseItem }) {
  const view = quotaView(item);
  return (
    <Box sx={BOX_SX} title={view.label}>
      <Typography variant="body2" sx={TEXT_SX}>
        {view.text}
      </Typography>
      <LinearProgress variant="determinate" value={view.value} color={view.color} aria-label={view.label} sx={BAR_SX} />
    </Box>
  );
});
