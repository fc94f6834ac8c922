import type { LicenseTerm } from './quota.js';

/**
 * Term arithmetic on `YYYY-MM-DD` days: the one place that knows what "one year later" means, so the
 * add-license form, the importers and the renew wizard cannot drift apart. Dates are calendar days with
 * no zone (primitives.ts IsoDate); arithmetic is done on UTC midnights so no DST change can shift it.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parts(iso: string): [number, number, number] {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function utcMs(iso: string): number {
  const [y, m, d] = parts(iso);
  const t = new Date(Date.UTC(2000, 0, 1));
  t.setUTCFullYear(y, m - 1, d);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) throw new RangeError(`Not a real calendar date: ${iso}`);
  return t.getTime();
}

function fromUtcMs(ms: number): string {
  const t = new Date(ms);
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * Whole years later (or earlier, for a negative count). 29 February becomes 28 February in a common
 * year: a one-year term that starts on a leap day ends on the last day of February, never in March.
 */
export function addYears(iso: string, years: number): string {
  utcMs(iso);
  const [y, m, d] = parts(iso);
  const year = y + years;
  const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  return fromUtcMs(utcMs(iso) + days * DAY_MS);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

/** A license year is one calendar year (docs/domain-notes.md §4.3: "another year"). */
export const TERM_YEARS = 1;

/** The expiry of a one-year term that starts on `start`: the same day a year later (the portal's convention). */
export function termEnd(start: string): string {
  return addYears(start, TERM_YEARS);
}

/** The start of the one-year term that ends on `end`: how an import estimates a missing activation date. */
export function termStart(end: string): string {
  return addYears(end, -TERM_YEARS);
}

/** What a renewal extends: the license year of an annual license, the maintenance year of a lifetime one. */
export type RenewedTerm = 'licence-year' | 'maintenance-year';

/**
 * Where the new term starts:
 * - `old-expiry`: renewing on or before the old expiry day, the new year starts on that day, so no day is
 *   lost (docs/domain-notes.md §4.3; Keygen's FROM_EXPIRY basis, docs/engineering-notes.md §L1);
 * - `renewal-date`: already expired, the new year starts on the renewal date;
 * - `override`: a start the user chose;
 * the end is moved again when co-terming (`coTermEnd`).
 */
export type RenewalBasis = 'old-expiry' | 'renewal-date' | 'override';

export interface RenewalSubject {
  term: LicenseTerm;
  expiresOn: string | null;
  maintenanceExpiresOn: string | null;
}

export interface RenewalOptions {
  /** The day the renewal is made (the user's local today). */
  renewalDate: string;
  /** A start the user chose instead of the default. */
  startOverride?: string | null;
  /** Align the new end to this day (co-terming); the vendor prorates the difference. */
  coTermEnd?: string | null;
}

export interface RenewalPlan {
  renews: RenewedTerm;
  basis: RenewalBasis;
  /** The end of the current term (expiry, or maintenance expiry for lifetime licenses); null if unknown. */
  oldEnd: string | null;
  newStart: string;
  /** One year after `newStart`, before any co-terming. */
  defaultEnd: string;
  newEnd: string;
  /** Days the co-terming adds (positive) or takes away (negative) against `defaultEnd`. */
  daysAdjusted: number;
  /** Said to the user before they confirm: lost days, a gap without a license, a co-term that shortens. */
  warnings: string[];
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The new term of a renewal. Throws RangeError when the co-term date would end the new term on or before
 * its start (nothing to buy).
 */
export function planRenewal(subject: RenewalSubject, options: RenewalOptions): RenewalPlan {
  const renews: RenewedTerm = subject.term === 'lifetime' ? 'maintenance-year' : 'licence-year';
  const oldEnd = subject.term === 'lifetime' ? subject.maintenanceExpiresOn : subject.expiresOn;
  const today = options.renewalDate;
  // The expiry day itself is still usable (status/time.ts expiryInstant), so renewing on it is "before".
  const stillValid = oldEnd !== null && daysBetween(today, oldEnd) >= 0;
  const defaultStart = stillValid ? oldEnd : today;
  const warnings: string[] = [];

  let basis: RenewalBasis = stillValid ? 'old-expiry' : 'renewal-date';
  let newStart = defaultStart;
  const override = options.startOverride ?? null;
  if (override !== null && override !== defaultStart) {
    basis = 'override';
    newStart = override;
    if (oldEnd !== null) {
      const gap = daysBetween(oldEnd, override);
      if (gap < 0 && stillValid) warnings.push(`The new term starts ${plural(-gap, 'day')} before the current one ends: those days are paid twice.`);
      if (gap > 1) warnings.push(`Between ${oldEnd} and ${override} there would be ${plural(gap - 1, 'day')} with no valid license.`);
    }
    const late = daysBetween(today, override);
    if (!stillValid && late > 0) warnings.push(`The license has already expired; starting on ${override} leaves it unusable for ${plural(late, 'more day')}.`);
    if (!stillValid && late < 0) warnings.push(`A start ${plural(-late, 'day')} in the past: the vendor may not backdate a late renewal.`);
  }

  const defaultEnd = termEnd(newStart);
  let newEnd = defaultEnd;
  let daysAdjusted = 0;
  const coTerm = options.coTermEnd ?? null;
  if (coTerm !== null) {
    if (daysBetween(newStart, coTerm) <= 0) throw new RangeError(`The aligned date ${coTerm} is not after the new term's start ${newStart}.`);
    newEnd = coTerm;
    daysAdjusted = daysBetween(defaultEnd, coTerm);
    if (daysAdjusted < 0) warnings.push(`Aligned to ${coTerm}: the new term is ${plural(-daysAdjusted, 'day')} shorter than a year (the vendor prorates).`);
  }
  return { renews, basis, oldEnd, newStart, defaultEnd, newEnd, daysAdjusted, warnings };
}

/** The co-term date to offer first: the latest of the default new ends, so nobody loses days by default. */
export function suggestedCoTermEnd(plans: readonly Pick<RenewalPlan, 'defaultEnd'>[]): string | null {
  let latest: string | null = null;
  for (const p of plans) if (latest === null || p.defaultEnd > latest) latest = p.defaultEnd;
  return latest;
}

/** "12 days gained", "3 days lost", "no change": a co-termed line's difference, in words. */
export function describeAdjustment(days: number): string {
  if (days === 0) return 'no change';
  return days > 0 ? `${plural(days, 'day')} gained` : `${plural(-days, 'day')} lost`;
}
