import { format, getISOWeek, getISOWeekYear } from 'date-fns';
import type { BackupReason } from '../../../../shared/domain/backups.js';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** "Back up now" copies: the newest this many. */
  manual: number;
  /** Copies of the data a restore replaced: the newest this many. */
  restore: number;
  /** Copies taken before a schema migration: the newest this many (and see retentionPlan). */
  migration: number;
}

/** Seven days, four weeks, twelve months: a year of daily history in at most 23 files; 5 manual, 3 before a restore, 3 before an update. */
export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12, manual: 5, restore: 3, migration: 3 };

export interface Dated {
  name: string;
  takenAt: Date;
}

export interface Classified extends Dated {
  reason: BackupReason;
}

const newestFirst = <T extends Dated>(backups: readonly T[]): T[] => [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.name.localeCompare(a.name));

/**
 * Which daily backups to keep (grandfather-father-son, as restic's `forget --keep-daily/weekly/
 * monthly`): the newest backup of each of the `daily` most recent local days that have one, of each
 * of the `weekly` most recent ISO weeks, and of each of the `monthly` most recent months; a backup
 * may count for several. Counting days that have a backup (not calendar days back from today) means
 * months without a start never delete the history. Pure: the caller removes the rest.
 */
export function dailyKeepReasons(backups: readonly Dated[], policy: Pick<RetentionPolicy, 'daily' | 'weekly' | 'monthly'> = DEFAULT_RETENTION): Map<string, string[]> {
  const sorted = newestFirst(backups);
  const keep = new Map<string, string[]>();
  const buckets: [number, string, (d: Date) => string][] = [
    [policy.daily, `daily: last ${policy.daily} days`, (d) => format(d, 'yyyy-MM-dd')],
    [policy.weekly, `weekly: last ${policy.weekly} weeks`, (d) => `${getISOWeekYear(d)}-W${getISOWeek(d)}`],
    [policy.monthly, `monthly: last ${policy.monthly} months`, (d) => format(d, 'yyyy-MM')],
  ];
  for (const [count, why, bucketOf] of buckets) {
    const seen = new Set<string>();
    for (const b of sorted) {
      if (seen.size >= count) break;
      const bucket = bucketOf(b.takenAt);
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      keep.set(b.name, [...(keep.get(b.name) ?? []), why]);
    }
  }
  return keep;
}

/** The daily backups dailyKeepReasons keeps, as a set of names. */
export function backupsToKeep(backups: readonly Dated[], policy: Pick<RetentionPolicy, 'daily' | 'weekly' | 'monthly'> = DEFAULT_RETENTION): Set<string> {
  return new Set(dailyKeepReasons(backups, policy).keys());
}

/** The schema version a `before-vN-…` backup was taken on the way to. */
export function migrationTarget(name: string): number | null {
  const m = /^before-v(\d+)-/.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Why each backup in one folder is kept; a backup the rule made (daily, manual, before a restore or a
 * migration) that gets no reason is removed by applyRetention. Never removed, whatever the counts:
 * - the newest backup of all (each one is verified before it is listed, db/backup.ts), so a folder
 *   is never left without its latest copy;
 * - a copy of some other name (reason 'other'): not ours to judge;
 * - a before-migration backup until a daily backup taken after it exists: until then it may be the
 *   only copy of the data as it was before the update.
 * Otherwise: the daily rule above, and the newest `manual`, `restore` and `migration` of each of
 * those. Pure, so it is tested with any clock; the Backups section shows the same reasons.
 */
export function retentionPlan(backups: readonly Classified[], policy: RetentionPolicy = DEFAULT_RETENTION): Map<string, string[]> {
  const sorted = newestFirst(backups);
  const reasons = new Map<string, string[]>();
  const add = (name: string, why: string) => reasons.set(name, [...(reasons.get(name) ?? []), why]);
  if (sorted[0]) add(sorted[0].name, 'newest');
  for (const [name, whys] of dailyKeepReasons(sorted.filter((b) => b.reason === 'daily'), policy)) for (const why of whys) add(name, why);
  const lastOf = (reason: BackupReason, count: number, why: string) =>
    sorted
      .filter((b) => b.reason === reason)
      .slice(0, count)
      .forEach((b) => add(b.name, why));
  lastOf('manual', policy.manual, `last ${policy.manual} manual`);
  lastOf('restore', policy.restore, `last ${policy.restore} before a restore`);
  const dailies = sorted.filter((b) => b.reason === 'daily');
  const migrations = sorted.filter((b) => b.reason === 'migration');
  migrations.forEach((b, i) => {
    const dailyAfter = dailies.some((d) => d.takenAt.getTime() > b.takenAt.getTime());
    if (i < policy.migration || !dailyAfter) {
      const target = migrationTarget(b.name);
      add(b.name, target === null ? 'before an update' : `before the update to v${target}`);
    }
  });
  for (const b of sorted) if (b.reason === 'other') add(b.name, 'not made by the regular backups');
  return reasons;
}

/** True when no daily backup was taken on `now`'s local day: the first start of a day takes one. */
export function dailyBackupDue(dailies: readonly Dated[], now: Date): boolean {
  const today = format(now, 'yyyy-MM-dd');
  return !dailies.some((b) => format(b.takenAt, 'yyyy-MM-dd') === today);
}
