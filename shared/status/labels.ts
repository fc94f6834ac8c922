import type { Headline } from './headline.js';
import type { QuotaState } from './quota.js';
import type { TimeState } from './time.js';

/** Colour intent, named after MUI's palette so the renderer can pass it straight to a Chip's `color`. */
export type StatusTone = 'success' | 'warning' | 'error' | 'info' | 'default';

export interface StatusLabel {
  label: string;
  tone: StatusTone;
}

/**
 * Tones follow `HEADLINE_PRECEDENCE`: everything ranked at or above red expiry is `error`, the states
 * that need planning are `warning`. `grace` is red although the SDK still works, because it ranks above
 * red expiry and can stop without notice. Renewed and not-activated are not health states, so they get
 * neutral tones.
 */
export const HEADLINE_LABELS: Record<Headline, StatusLabel> = {
  renewed: { label: 'Renewed', tone: 'default' },
  expired: { label: 'Expired', tone: 'error' },
  blocked: { label: 'Over limit', tone: 'error' },
  'not-activated': { label: 'Not activated', tone: 'info' },
  grace: { label: 'In overuse grace', tone: 'error' },
  'expiring-red': { label: 'Expires soon', tone: 'error' },
  'quota-full': { label: 'Quota used up', tone: 'warning' },
  'expiring-amber': { label: 'Expiring', tone: 'warning' },
  'quota-high': { label: 'Quota nearly used', tone: 'warning' },
  active: { label: 'Active', tone: 'success' },
};

export const TIME_STATE_LABELS: Record<TimeState, StatusLabel> = {
  'not-activated': { label: 'Not activated', tone: 'info' },
  active: { label: 'Active', tone: 'success' },
  'expiring-amber': { label: 'Expiring', tone: 'warning' },
  'expiring-red': { label: 'Expires soon', tone: 'error' },
  expired: { label: 'Expired', tone: 'error' },
  renewed: { label: 'Renewed', tone: 'default' },
  'no-expiry': { label: 'No expiry', tone: 'success' },
};

/** `band-60` is a warning here even though it does not reach the headline: this is where it is shown. */
export const QUOTA_STATE_LABELS: Record<QuotaState, StatusLabel> = {
  unknown: { label: 'No usage recorded', tone: 'default' },
  ok: { label: 'Under 60 %', tone: 'success' },
  'band-60': { label: '60 %+ used', tone: 'warning' },
  'band-80': { label: '80 %+ used', tone: 'warning' },
  'band-100': { label: 'Quota used up', tone: 'warning' },
  grace: { label: 'In overuse grace', tone: 'error' },
  blocked: { label: 'Over limit', tone: 'error' },
};
