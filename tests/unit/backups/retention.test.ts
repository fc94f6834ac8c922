import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../electron/core/db/backup.js';
import { openDatabase } from '../../../electron/core/db/connection.js';
import { catalog, keepReasons, LABELS, reasonOf } from '../../../electron/core/services/backups/catalog.js';
import { backupsToKeep, dailyBackupDue, retentionPlan, type Classified, type Dated } from '../../../electron/core/services/backups/retention.js';
import { applyRetention, takeBackup } from '../../../electron/core/services/backups/take.js';
import { TempDirs } from '../../fixtures/builders.js';

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

describe('the whole rule: manual, before-restore and before-migration backups are thinned too', () => {
  const iso = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
  const file = (label: string, d: Date): Classified => ({ name: `${label}-${iso(d)}.sqlite`, takenAt: d, reason: reasonOf(`${label}-${iso(d)}.sqlite`) });

  it('keeps the last 5 manual, 3 before a restore and 3 before an update, says why each is kept, and never the newest', () => {
    const manual = [1, 2, 3, 4, 5, 6, 7].map((d) => file('manual', at(2026, 3, d, 12)));
    const restores = [1, 2, 3, 4].map((d) => file('before-restore', at(2026, 3, d, 13)));
    const migrations = [10, 11, 12, 13].map((v, i) => file(`before-v${v}`, at(2026, 2, 1 + i)));
    const dailies = [1, 2, 3].map((d) => file('daily', at(2026, 3, d)));
    const other = { name: 'copied-by-hand.sqlite', takenAt: at(2020, 1, 1), reason: 'other' as const };
    const plan = retentionPlan([...manual, ...restores, ...migrations, ...dailies, other]);
    expect(plan.get(manual[6]!.name)).toEqual(['newest', 'last 5 manual']);
    expect(manual.filter((m) => plan.has(m.name))).toEqual(manual.slice(2));
    expect(restores.filter((r) => plan.has(r.name))).toEqual(restores.slice(1));
    expect(plan.get(restores[3]!.name)).toEqual(['last 3 before a restore']);
    expect(migrations.filter((m) => plan.has(m.name)).map((m) => plan.get(m.name))).toEqual([['before the update to v11'], ['before the update to v12'], ['before the update to v13']]);
    expect(plan.get(dailies[2]!.name)).toEqual(['daily: last 7 days', 'weekly: last 4 weeks', 'monthly: last 12 months']);
    expect(plan.get(other.name)).toEqual(['not made by the regular backups']);
  });

  it('a before-migration backup with no daily backup after it stays, however many updates came since', () => {
    const migrations = [10, 11, 12, 13, 14].map((v, i) => file(`before-v${v}`, at(2026, 4, 1, 8 + i)));
    const plan = retentionPlan([file('daily', at(2026, 3, 31)), ...migrations]);
    expect(migrations.every((m) => plan.has(m.name))).toBe(true);
    const later = retentionPlan([...migrations, file('daily', at(2026, 4, 2))]);
    expect(migrations.filter((m) => later.has(m.name)).map((m) => m.name)).toEqual(migrations.slice(2).map((m) => m.name));
  });

  it('the only backup, of whatever kind, is kept as the newest', () => {
    for (const label of ['manual', 'before-restore', 'before-v13', 'daily']) {
      const only = file(label, at(2026, 1, 1));
      expect(retentionPlan([only]).get(only.name)?.[0]).toBe('newest');
    }
  });
});

describe('retention as the backups run it, over a controlled clock', () => {
  const dirs = new TempDirs();
  afterEach(() => dirs.cleanup());

  it('120 days of daily backups with a manual one every third day and a restore every tenth: the folder stays bounded and keeps what the list says', async () => {
    const dir = dirs.make();
    const db = openDatabase(path.join(dirs.make(), 'source.sqlite'));
    db.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL); CREATE TABLE license_items (id INTEGER PRIMARY KEY)');
    const backupsDir = path.join(dir, 'backups');
    const take = (reason: 'daily' | 'manual', now: Date) => takeBackup(db, { reason, now: now.toISOString(), backupsDir, keyFile: path.join(dir, 'vault.key'), secondFolder: null });
    for (let day = 0; day < 120; day++) {
      const morning = at(2026, 1, 1 + day, 9);
      await take('daily', morning);
      if (day % 3 === 0) await take('manual', at(2026, 1, 1 + day, 15));
      if (day % 10 === 0) await backupDatabase(db, backupsDir, LABELS.restore, at(2026, 1, 1 + day, 16));
    }
    const files = catalog(backupsDir);
    const byReason = (r: string) => files.filter((f) => f.reason === r).length;
    expect(byReason('manual')).toBe(5);
    expect(byReason('restore')).toBe(3);
    expect(byReason('daily')).toBeLessThanOrEqual(23);
    expect(files[0]!.name).toBe(`daily-${at(2026, 1, 120, 9).toISOString().replace(/[:.]/g, '-')}.sqlite`);
    // The last run judged every file: each one listed has the reason the Backups section shows, and a
    // second run removes nothing.
    const reasons = keepReasons(files);
    expect(files.filter((f) => (reasons.get(f.name) ?? []).length === 0)).toEqual([]);
    expect(applyRetention(backupsDir)).toEqual([]);
    // The newest manual one says so; the oldest manual ones have gone.
    expect(reasons.get(files.find((f) => f.reason === 'manual')!.name)).toEqual(['last 5 manual']);
    expect(files.filter((f) => f.reason === 'manual').at(-1)!.takenAt).toBe(at(2026, 1, 1 + 105, 15).toISOString());
    db.close();
  }, 60_000);
});
