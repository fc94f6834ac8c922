import { formatQuota, type QuotaMode } from '../domain/quota.js';
import { addDays, daysBetween } from '../domain/term.js';
import { overuseLimit } from './quota.js';
import { dayWords } from './date-words.js';

/**
 * Quota run-out forecast from the usage readings the user records (docs/engineering-notes.md §L3): when usage
 * crosses 80 %, 100 % and the hard stop (105 % scans/pages, 110 % devices; status/quota.ts), set against
 * the expiry. Usage that falls between two readings means the counter was reset (a new period), so only
 * the readings since the last fall are used. The rate is a least-squares line through them, anchored at
 * the latest reading so the projection starts from what was actually used.
 */

export interface UsageReading {
  takenOn: string;
  used: number;
}

export interface ForecastInput {
  readings: readonly UsageReading[];
  quotaAmount: number;
  quotaMode: QuotaMode;
  /** The last usable day; null for a license without one (lifetime). */
  expiresOn: string | null;
}

export interface ThresholdCrossing {
  /** 80, 100, or the hard stop (105 or 110; 100 for modes without an overuse allowance). */
  percent: number;
  label: string;
  units: number;
  /** The day usage reached (`reached`) or is projected to reach this line; null when it never will at this rate. */
  on: string | null;
  reached: boolean;
}

export type ForecastStatus = 'no-quota' | 'too-few-readings' | 'flat' | 'rising' | 'over';

export interface Forecast {
  status: ForecastStatus;
  /** One sentence for people: what to do, or why there is nothing to say. */
  message: string;
  /** Units per day over the readings used; null without a forecast. */
  ratePerDay: number | null;
  /** The readings the forecast is based on (since the last reset), oldest first. */
  basis: UsageReading[];
  /** The first reading after a fall in usage, when there was one. */
  resetOn: string | null;
  thresholds: ThresholdCrossing[];
  /** Projected usage at the end of the expiry day. */
  projectedAtExpiry: number | null;
  /** Days between running out (100 %) and the expiry day, when that comes first. */
  runsOutDaysBeforeExpiry: number | null;
  /** Roughly how much to add so the quota lasts until expiry. */
  shortfall: number | null;
  /** Roughly how much will be left at expiry (it does not carry over). */
  unusedAtExpiry: number | null;
  /** The projected line from the latest reading to the expiry (or the hard stop when there is no expiry). */
  projection: UsageReading[];
}

/** Two significant figures, rounded up: "add about 3,000" should be enough, not nearly enough. */
export function roughlyUp(n: number): number {
  if (n <= 0) return 0;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.ceil(n / step) * step;
}

/** Two significant figures, to the nearest. */
export function roughly(n: number): number {
  if (n <= 0) return 0;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
}

function sinceLastReset(sorted: UsageReading[]): { basis: UsageReading[]; resetOn: string | null } {
  let start = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.used < sorted[i - 1]!.used) start = i;
  return { basis: sorted.slice(start), resetOn: start > 0 ? sorted[start]!.takenOn : null };
}

/** Least-squares slope in units per day. */
function slope(readings: UsageReading[]): number {
  const first = readings[0]!.takenOn;
  const xs = readings.map((r) => daysBetween(first, r.takenOn));
  const n = readings.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = readings.reduce((a, r) => a + r.used, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (readings[i]!.used - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

function thresholdLines(quotaAmount: number, mode: QuotaMode): { percent: number; label: string; units: number }[] {
  const stop = Math.round(overuseLimit(mode) * 100);
  const lines = [{ percent: 80, label: '80 %', units: quotaAmount * 0.8 }];
  if (stop > 100) lines.push({ percent: 100, label: 'Quota', units: quotaAmount }, { percent: stop, label: `Hard stop ${stop} %`, units: (quotaAmount * stop) / 100 });
  else lines.push({ percent: 100, label: 'Quota (hard stop)', units: quotaAmount });
  return lines;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function forecast(input: ForecastInput): Forecast {
  const { quotaAmount, quotaMode, expiresOn } = input;
  const empty = (status: ForecastStatus, message: string, extra: Partial<Forecast> = {}): Forecast => ({
    status,
    message,
    ratePerDay: null,
    basis: [],
    resetOn: null,
    thresholds: [],
    projectedAtExpiry: null,
    runsOutDaysBeforeExpiry: null,
    shortfall: null,
    unusedAtExpiry: null,
    projection: [],
    ...extra,
  });
  if (!(quotaAmount > 0)) return empty('no-quota', 'There is no quota to forecast against.');

  // One reading per day: the store keeps one, but a caller's list may not; the later entry wins.
  const byDay = new Map<string, number>();
  for (const r of input.readings) byDay.set(r.takenOn, r.used);
  const sorted = [...byDay].map(([takenOn, used]) => ({ takenOn, used })).sort((a, b) => (a.takenOn < b.takenOn ? -1 : 1));
  const { basis, resetOn } = sinceLastReset(sorted);
  const lines = thresholdLines(quotaAmount, quotaMode);
  const last = basis[basis.length - 1];

  // Thresholds already crossed are facts, whatever the rate.
  const reachedOn = (units: number) => basis.find((r) => r.used >= units)?.takenOn ?? null;
  const stop = lines[lines.length - 1]!;
  if (last && last.used > stop.units) {
    return empty('over', `Usage is over the hard stop (${formatQuota(Math.round(stop.units), quotaMode)}) since ${dayWords(reachedOn(stop.units)!)}: requests are refused until quota is added.`, {
      basis,
      resetOn,
      thresholds: lines.map((l) => ({ ...l, on: reachedOn(l.units), reached: true })),
    });
  }
  if (basis.length < 2) {
    const why = basis.length === 0 ? 'No usage readings yet' : resetOn ? `Only one reading since the reset on ${dayWords(resetOn)}` : 'Only one usage reading';
    return empty('too-few-readings', `${why}: record at least two, on different days, to forecast.`, {
      basis,
      resetOn,
      thresholds: lines.map((l) => ({ ...l, on: reachedOn(l.units), reached: reachedOn(l.units) !== null })),
    });
  }

  const rate = slope(basis);
  const flat = !(rate > 0);
  const thresholds: ThresholdCrossing[] = lines.map((l) => {
    const done = reachedOn(l.units);
    if (done) return { ...l, on: done, reached: true };
    return { ...l, on: flat ? null : addDays(last!.takenOn, Math.ceil((l.units - last!.used) / rate)), reached: false };
  });

  const at = (day: string) => last!.used + Math.max(0, rate) * daysBetween(last!.takenOn, day);
  const result: Forecast = { ...empty(flat ? 'flat' : 'rising', ''), ratePerDay: Math.max(0, rate), basis, resetOn, thresholds };
  const unit = (n: number) => formatQuota(n, quotaMode);

  if (expiresOn === null) {
    const runOut = thresholds[1]!.on;
    const end = thresholds[thresholds.length - 1]!.on ?? last!.takenOn;
    result.projection = flat ? [] : [last!, { takenOn: end, used: Math.round(at(end)) }];
    result.message = flat ? 'Usage is flat: at this rate the quota lasts.' : `At this rate the quota runs out on ${dayWords(runOut!)}.`;
    return result;
  }

  // Usable all of the expiry day, so count usage to its end.
  const endDay = addDays(expiresOn, 1);
  const projected = Math.round(at(endDay));
  result.projectedAtExpiry = projected;
  result.projection = daysBetween(last!.takenOn, endDay) > 0 ? [last!, { takenOn: endDay, used: projected }] : [];
  const runOut = thresholds[1]!;
  if (runOut.on !== null && daysBetween(runOut.on, expiresOn) >= 0 && projected > quotaAmount) {
    const before = daysBetween(runOut.on, expiresOn);
    const shortfall = roughlyUp(projected - quotaAmount);
    result.runsOutDaysBeforeExpiry = before;
    result.shortfall = shortfall;
    result.message = runOut.reached
      ? `The quota is used up ${plural(before, 'day')} before expiry: add about ${unit(shortfall)}.`
      : `Runs out ${plural(before, 'day')} before expiry: add about ${unit(shortfall)}.`;
    return result;
  }
  const unused = roughly(quotaAmount - projected);
  result.unusedAtExpiry = unused;
  result.message = `${flat ? 'Usage is flat: about' : 'About'} ${unit(unused)} will be unused at expiry (unused quota does not carry over).`;
  return result;
}

/**
 * One series for a project: on each day any item has a reading, the sum of every item's latest reading
 * on or before that day (quota is used per item and added up per project; docs/domain-notes.md §4.5).
 */
export function combineReadings(items: readonly (readonly UsageReading[])[]): UsageReading[] {
  const days = [...new Set(items.flatMap((rs) => rs.map((r) => r.takenOn)))].sort();
  const sorted = items.map((rs) => [...rs].sort((a, b) => (a.takenOn < b.takenOn ? -1 : 1)));
  return days.map((day) => {
    let used = 0;
    for (const rs of sorted) {
      let latest: number | null = null;
      for (const r of rs) if (r.takenOn <= day) latest = r.used;
      used += latest ?? 0;
    }
    return { takenOn: day, used };
  });
}
