import Typography from '@mui/material/Typography';
import type { LicenseItem } from '../../../shared/domain/license';
import { countdown, timeState } from '../../../shared/status/index';
import { useStatusSettings } from './status-settings';

const TONE = { 'expiring-red': 'error.main', 'expiring-amber': 'warning.main', expired: 'error.main' } as Record<string, string>;

/** "123 days", or hours and minutes inside the last day; coloured by the time dimension. */
export function Countdown({ item, now }: { item: LicenseItem; now: Date }) {
  const settings = useStatusSettings((s) => s.settings);
  if (item.renewedById !== null) return <Typography variant="body2" color="textSecondary">Renewed</Typography>;
  if (item.activationStatus !== 'activated') return <Typography variant="body2" color="textSecondary">Starts at activation</Typography>;
  if (!item.expiresOn) return <Typography variant="body2" color="textSecondary">{item.term === 'lifetime' ? 'No expiry' : 'No date'}</Typography>;
  const c = countdown(item.expiresOn, now);
  const state = timeState(item, now, settings);
  // The status chip already says "Expired"; here the time since says how long ago.
  const text = c.expired && c.days > 1 ? `${c.days} days ago` : c.label;
  return (
    <Typography variant="body2" component="span" sx={{ fontSize: 'inherit', color: TONE[state] ?? 'text.primary', fontWeight: state === 'active' ? 400 : 600, fontVariantNumeric: 'tabular-nums' }}>
      {text}
    </Typography>
  );
}
