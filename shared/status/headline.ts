import { quotaPercent, quotaState, type QuotaInput, type QuotaState } from './quota.js';
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from './settings.js';
import { daysLeft, timeState, type TimeInput, type TimeState } from './time.js';

/**
 * The one status a list row leads with, most severe first; `headline()` picks whichever of the time and
 * the quota dimension comes earlier here. Keygen's order (suspended > expired > expiring > inactive >
 * active, docs/engineering-notes.md §L1) extended with Dynamsoft's quota states:
 *
 * 1. `renewed`: a superseded item is history; its successor carries the live status, so alarming about
 *    the old one would be noise.
 * 2. `expired`, 3. `blocked`: the SDK stops now (expiry is a hard stop, docs/domain-notes.md §4.6; usage above the
 *    overuse allowance is refused). Expiry first because renewing is the only fix for it, whereas a
 *    blocked quota can also be fixed by adding quota.
 * 4. `not-activated`: cannot be used yet, but nothing that runs depends on it.
 * 5. `grace`: working, but on borrowed quota that can run out any moment.
 * 6. `expiring-red`: a hard stop within the red window (default 14 days).
 * 7. `quota-full`: exactly at 100 %; the next unit starts eating the allowance.
 * 8. `expiring-amber`: a hard stop within the amber window (default 30 days).
 * 9. `quota-high`: 80–100 % used.
 * 10. `active`.
 *
 * The 60 % band deliberately maps to `active`: with 40 % left it needs no action, and letting it outrank
 * a healthy row would make most of a busy list look alarming. The quota dimension still shows it.
 * `no-expiry` (lifetime) and `unknown` usage also map to `active`, so the other dimension decides.
 */
export const HEADLINE_PRECEDENCE = Object.freeze([
  'renewed',
  'expired',
  'blocked',
  'not-activated',
  'grace',
  'expiring-red',
  'quota-full',
  'expiring-amber',
  'quota-high',
  'active',
] as const);

/** Every headline, defined by the precedence list above (the one list; filters and SQL use it too). */
export type Headline = (typeof HEADLINE_PRECEDENCE)[number];

const TIME_HEADLINE: Record<TimeState, Headline> = {
  renewed: 'renewed',
  expired: 'expired',
  'not-activated': 'not-activated',
  'expiring-red': 'expiring-red',
  'expiring-amber': 'expiring-amber',
  active: 'active',
  'no-expiry': 'active',
};

const QUOTA_HEADLINE: Record<QuotaState, Headline> = {
  blocked: 'blocked',
  grace: 'grace',
  'band-100': 'quota-full',
  'band-80': 'quota-high',
  'band-60': 'active',
  ok: 'active',
  unknown: 'active',
};

/** What the time dimension alone would put in the headline. */
export function timeHeadline(time: TimeState): Headline {
  return TIME_HEADLINE[time];
}

/** What the quota dimension alone would put in the headline. */
export function quotaHeadline(quota: QuotaState): Headline {
  return QUOTA_HEADLINE[quota];
}

/** The more severe of the two dimensions, per `HEADLINE_PRECEDENCE`. */
export function headline(time: TimeState, quota: QuotaState): Headline {
  const fromTime = timeHeadline(time);
  const fromQuota = quotaHeadline(quota);
  return HEADLINE_PRECEDENCE.indexOf(fromQuota) < HEADLINE_PRECEDENCE.indexOf(fromTime) ? fromQuota : fromTime;
}

/** Everything the UI shows about one item's status: both dimensions, the headline and the raw figures. */
export interface LicenseStatus {
  time: TimeState;
  quota: QuotaState;
  headline: Headline;
  /** Null when there is no date to count to, or the item is not activated (its date is not yet meaningful). */
  daysLeft: number | null;
  quotaPercent: number | null;
}

export type StatusInput = TimeInput & QuotaInput;

export function licenseStatus(
  item: StatusInput,
  now: Date,
  settings: StatusSettings = DEFAULT_STATUS_SETTINGS,
): LicenseStatus {
  const time = timeState(item, now, settings);
  const quota = quotaState(item);
  return {
    time,
    quota,
    headline: headline(time, quota),
    daysLeft: item.expiresOn === null || time === 'not-activated' ? null : daysLeft(item.expiresOn, now),
    quotaPercent: quotaPercent(item),
  };
}
