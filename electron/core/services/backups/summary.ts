import type Database from 'better-sqlite3';
import type { DataSummary } from '../../../../shared/domain/backups.js';

const COUNTED = { licenses: 'license_items', projects: 'projects', orders: 'orders', usageReadings: 'usage_snapshots' } as const;

/** Tables and their columns that record when something was made or changed. */
const CHANGE_TIMES: [table: string, column: string][] = [
  ['license_items', 'updated_at'],
  ['projects', 'updated_at'],
  ['orders', 'updated_at'],
  ['license_history', 'at'],
  ['license_tombstones', 'deleted_at'],
  ['purchase_orders', 'updated_at'],
];

function columnsOf(db: Database.Database, table: string): Set<string> {
  return new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
}

/**
 * The figures a person compares before a restore, read from any schema version this app has had:
 * a table or column the file does not have yet counts as empty.
 */
export function summarize(db: Database.Database): DataSummary {
  const count = (table: string) => (columnsOf(db, table).size === 0 ? 0 : (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);
  const times = CHANGE_TIMES.filter(([t, c]) => columnsOf(db, t).has(c)).map(([t, c]) => (db.prepare(`SELECT max("${c}") AS m FROM "${t}"`).get() as { m: string | null }).m);
  const newest = times.filter((t): t is string => typeof t === 'string').sort().at(-1) ?? null;
  return {
    licenses: count(COUNTED.licenses),
    projects: count(COUNTED.projects),
    orders: count(COUNTED.orders),
    usageReadings: count(COUNTED.usageReadings),
    newestChange: newest,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}
