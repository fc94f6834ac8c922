import { format, getISOWeek, getISOWeekYear } from 'date-fns';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

/** Seven days, four weeks, twelve months: a year of history in at most 23 files. */
export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface Dated {
  name: string;
  takenAt: Date;
}

/**
 * Which daily backups to keep (grandfather-father-son, as restic's `forget --keep-daily/weekly/
 * monthly`): the newest backup of each of the `daily` most recent local days that have one, of each
 * of the `weekly` most recent ISO weeks, and of each of the `monthly` most recent months; a backup
 * may count for several. Counting days that have a backup (not calendar days back from today) means
 * months without a start never delete the history. Pure: the caller removes the rest.
 */
export function backupsToKeep(backups: readonly Dated[], policy: RetentionPolicy = DEFAULT_RETENTION): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.name.localeCompare(a.name));
  const keep = new Set<string>();
  const buckets: [number, (d: Date) => string][] = [
    [policy.daily, (d) => format(d, 'yyyy-MM-dd')],
    [policy.weekly, (d) => `${getISOWeekYear(d)}-W${getISOWeek(d)}`],
    [policy.monthly, (d) => format(d, 'yyyy-MM')],
  ];
  for (const [count, bucketOf] of buckets) {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      if (seen.size >= count) break;
      const bucket = bucketOf(b.takenAt);
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(b.name);
    }
  }
  return keep;
}

/** True when no daily backup was taken on `now`'s local day: the first start of a day takes one. */
export function dailyBackupDue(dailies: readonly Dated[], now: Date): boolean {
  const today = format(now, 'yyyy-MM-dd');
  return !dailies.some((b) => format(b.takenAt, 'yyyy-MM-dd') === today);
}
