import Chip from '@mui/material/Chip';
import { memo } from 'react';
import type { LicenseItem } from '../../../shared/domain/license';
import { HEADLINE_LABELS, licenseStatus, type Headline } from '../../../shared/status/index';
import { useStatusSettings } from './status-settings';

const COLORS = { success: 'success', warning: 'warning', error: 'error', info: 'info', default: 'default' } as const;

export const HeadlineChip = memo(function HeadlineChip({ headline }: { headline: Headline }) {
  const label = HEADLINE_LABELS[headline];
  return <Chip size="small" label={label.label} color={COLORS[label.tone]} variant={label.tone === 'default' ? 'outlined' : 'filled'} />;
});

/** The headline status of one item at `now`, with the configured amber/red thresholds. */
export const StatusChip = memo(function StatusChip({ item, now }: { item: LicenseItem; now: Date }) {
  const settings = useStatusSettings();
  return <HeadlineChip headline={licenseStatus(item, now, settings).headline} />;
});
