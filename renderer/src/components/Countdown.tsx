import Typography from '@mui/material/Typography';
import { memo } from 'react';
import type { LicenseItem } from '../../../shared/domain/license';
import { countdown, timeState, type StatusSettings, type TimeState } from '../../../shared/status/index';
import { useStatusSettings } from './status-settings';

const TONE: Partial<Record<TimeState, string>> = { 'expiring-red': 'error.main', 'expiring-amber': 'warning.main', expired: 'error.main' };

/** What a countdown shows: a muted note, or the time left (or since) in the time state's colour. */
export type CountdownView = { muted: true; text: string } | { muted: false; text: string; state: TimeState };

/** "123 days", or hours and minutes inside the last day; "N days ago" once expired. */
export function countdownView(item: LicenseItem, now: Date, settings: StatusSettings): CountdownView {
  if (item.renewedById !== null) {
    // A renewed license still runs to its own end, and then its renewal takes over: the time left is
    // still worth reading, muted because nothing needs doing.
    const left = item.activationStatus === 'activated' && item.expiresOn ? countdown(item.expiresOn, now) : null;
    return { muted: true, text: left && !left.expired ? `${left.label} (renewed)` : 'Renewed' };
  }
  if (item.activationStatus !== 'activated') return { muted: true, text: 'Starts at activation' };
  if (!item.expiresOn) return { muted: true, text: item.term === 'lifetime' ? 'No expiry' : 'No date' };
  const c = countdown(item.expiresOn, now);
  const state = timeState(item, now, settings);
  // The status chip already says "Expired"; here the time since says how long ago.
  return { muted: false, text: c.expired && c.days > 1 ? `${c.days} days ago` : c.label, state };
}

// One sx object per time state, built once: no per-render allocation for emotion to walk.
const SX = new Map<TimeState, object>();
function sxFor(state: TimeState): object {
  let sx = SX.get(state);
  if (!sx) {
    sx = { fontSize: 'inherit', color: TONE[state] ?? 'text.primary', fontWeight: state === 'active' ? 400 : 600, fontVariantNumeric: 'tabular-nums' };
    SX.set(state, sx);
  }
  return sx;
}

/** "123 days", or hours and minutes inside the last day; coloured by the time dimension. */
export const Countdown = memo(function Countdown({ item, now }: { item: LicenseItem; now: Date }) {
  const settings = useStatusSettings();
  const view = countdownView(item, now, settings);
  if (view.muted) {
    return (
      <Typography variant="body2" color="textSecondary">
        {view.text}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="span" sx={sxFor(view.state)}>
      {view.text}
    </Typography>
  );
});
