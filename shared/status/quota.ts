import type { QuotaMode } from '../domain/quota.js';

/** The fields of a license item that decide its quota dimension. */
export interface QuotaInput {
  quotaMode: QuotaMode;
  quotaAmount: number;
  /** The latest recorded usage; null when none has been recorded. */
  used: number | null;
}

export type QuotaState = 'unknown' | 'ok' | 'band-60' | 'band-80' | 'band-100' | 'grace' | 'blocked';

/**
 * The highest usage, as a percentage of the quota, that still works: Dynamsoft's overuse allowance
 * (docs/domain-notes.md §3, §4.6). Whole percentages so that the comparisons below stay in exact integer arithmetic.
 *
 * - scans, pages: +5 %. At 105 % all devices get a license error.
 * - devices (per client device): +10 % new devices. Beyond 110 % *new* devices are refused while existing
 *   ones keep working, so "blocked" there means "cannot add devices", not "everything stops".
 * - concurrent-devices and concurrent-instances do have overuse, but as a pool of extra time slices or
 *   instance-slices (§3: "a limited free overuse pool", "1000 × N extra instance-slices"), which a peak
 *   usage figure cannot be compared against. servers and domains have none ("contact sales"), nor do
 *   offline-registered devices (one authorisation string per device). For all of these the app cannot
 *   promise any headroom, so the limit is the quota itself and anything above it is reported as blocked.
 */
const OVERUSE_LIMIT_PERCENT: Record<QuotaMode, number> = {
  scans: 105,
  pages: 105,
  devices: 110,
  'concurrent-devices': 100,
  'concurrent-instances': 100,
  servers: 100,
  domains: 100,
  'offline-devices': 100,
};

/** The overuse limit as a multiple of the quota: 1.05, 1.10 or 1.0 (see `OVERUSE_LIMIT_PERCENT`). */
export function overuseLimit(mode: QuotaMode): number {
  return OVERUSE_LIMIT_PERCENT[mode] / 100;
}

/** Usage as a percentage of the quota (unrounded), or null when there is no usage figure to compare. */
export function quotaPercent(input: Pick<QuotaInput, 'quotaAmount' | 'used'>): number | null {
  if (input.used === null || !hasComparableQuota(input.quotaAmount, input.used)) return null;
  return (input.used / input.quotaAmount) * 100;
}

/**
 * The quota dimension. Bands follow Dynamsoft's usage alerts (60 / 80 / 100 %, docs/domain-notes.md §4.6) so the app
 * turns colour when the vendor's alert e-mails go out:
 * - `ok` below 60 %, `band-60` [60, 80), `band-80` [80, 100), `band-100` exactly at the quota
 *   (fully used; the next unit is overuse);
 * - `grace` above the quota up to and including the overuse limit (the last allowed unit has been used);
 * - `blocked` above the limit.
 * `unknown` when no usage has been recorded, or the figures cannot be compared (no positive quota).
 */
export function quotaState(input: QuotaInput): QuotaState {
  const { quotaMode, quotaAmount, used } = input;
  if (used === null || !hasComparableQuota(quotaAmount, used)) return 'unknown';
  // used/quota*100 >= 60 written as used*100 >= 60*quota: exact for integers, so 60 % is never 59.999…%.
  const scaled = used * 100;
  if (scaled > OVERUSE_LIMIT_PERCENT[quotaMode] * quotaAmount) return 'blocked';
  if (scaled > 100 * quotaAmount) return 'grace';
  if (scaled === 100 * quotaAmount) return 'band-100';
  if (scaled >= 80 * quotaAmount) return 'band-80';
  if (scaled >= 60 * quotaAmount) return 'band-60';
  return 'ok';
}

function hasComparableQuota(quotaAmount: number, used: number): boolean {
  return Number.isFinite(quotaAmount) && quotaAmount > 0 && Number.isFinite(used) && used >= 0;
}
