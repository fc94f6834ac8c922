import { describe, expect, it } from 'vitest';
import { backupsToKeep, dailyBackupDue, type Dated } from '../../../electron/core/services/backups/retention.js';

/** Local-time dates (the rule works on local days), so the test reads the same in every time zone. */
const at = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h);
const name = (d: Date) => `daily-${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}-${d.getHours()}`;
const backup = (d: Date): Dated => ({ name: name(d), takenAt: d });

/** One backup every day from `from` to `to`, inclusive. */
function everyDay(from: Date, to: Date): Dated[] {
  const out: Dated[] = [];
  for (let d = new Date(from); d <= to; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 9)) out.push(backup(d));
  return out;
}

const kept = (backups: Dated[]) => [...backupsToKeep(backups)].sort();

describe('retention: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps fewer than seven days of backups whole', () => {
    const b = everyDay(at(2026, 3, 1), at(2026, 3, 5));
    expect(kept(b)).toEqual(b.map((x) => x.name).sort());
  });

  it('across a year end: the last 7 days, the newest of each of 4 ISO weeks (one spanning the new year) and of 12 months', () => {
    const b = everyDay(at(2024, 11, 20), at(2026, 1, 10));
    const expected = [
      // daily: 4-10 January 2026
      ...[4, 5, 6, 7, 8, 9, 10].map((d) => name(at(2026, 1, d))),
      // weekly (ISO weeks end on Sunday): the week of 5-11 Jan is counted by the 10th; 29 Dec-4 Jan
      // (a week that spans the year end) by the 4th; then 28 Dec and 21 Dec.
      name(at(2025, 12, 28)),
      name(at(2025, 12, 21)),
      // monthly: January 2026 by the 10th, then the last day of each month back to February 2025.
      ...[
        [2025, 12, 31],
        [2025, 11, 30],
        [2025, 10, 31],
        [2025, 9, 30],
        [2025, 8, 31],
        [2025, 7, 31],
        [2025, 6, 30],
        [2025, 5, 31],
        [2025, 4, 30],
        [2025, 3, 31],
        [2025, 2, 28],
      ].map(([y, m, d]) => name(at(y!, m!, d!))),
    ].sort();
    expect(kept(b)).toEqual(expected);
    expect(kept(b)).toHaveLength(20);
    // December 2024 and January 2025 have fallen out of the twelve months.
    expect(kept(b).some((n) => n.startsWith('daily-2024') || n.startsWith('daily-2025-01'))).toBe(false);
  });

  it('across a month end in a leap year: 29 February counts for its month and its week', () => {
    const b = everyDay(at(2028, 2, 20), at(2028, 3, 3));
    const k = kept(b);
    expect(k).toContain(name(at(2028, 2, 29)));
    // daily 26 Feb-3 Mar; ISO week of 21-27 Feb by the 27th; February by the 29th, March by the 3rd.
    expect(k).toEqual([...[26, 27, 28, 29].map((d) => name(at(2028, 2, d))), ...[1, 2, 3].map((d) => name(at(2028, 3, d))), name(at(2028, 2, 20))].sort());
  });

  it('several backups on one day: only the newest of that day counts', () => {
    const b = [backup(at(2026, 5, 4, 8)), backup(at(2026, 5, 4, 17)), backup(at(2026, 5, 3, 8))];
    expect(kept(b)).toEqual([name(at(2026, 5, 3, 8)), name(at(2026, 5, 4, 17))].sort());
  });

  it('months without a start do not delete the history: days are those that have a backup', () => {
    const b = [at(2025, 1, 15), at(2025, 6, 2), at(2025, 6, 3), at(2026, 1, 1)].map(backup);
    expect(kept(b)).toEqual(b.map((x) => x.name).sort());
  });

  it('a year of daily backups comes down to at most 23 files, and applying the rule again keeps the same set', () => {
    const b = everyDay(at(2025, 1, 1), at(2025, 12, 31));
    const once = backupsToKeep(b);
    expect(once.size).toBeLessThanOrEqual(23);
    expect(backupsToKeep(b.filter((x) => once.has(x.name)))).toEqual(once);
  });
});

describe('the daily trigger', () => {
  it('is due only when no daily backup was taken on the local day of now', () => {
    const b = [backup(at(2026, 12, 31, 23))];
    expect(dailyBackupDue(b, at(2026, 12, 31, 23))).toBe(false);
    expect(dailyBackupDue(b, new Date(2027, 0, 1, 0, 0, 1))).toBe(true);
    expect(dailyBackupDue([], at(2026, 12, 31))).toBe(true);
  });
});
