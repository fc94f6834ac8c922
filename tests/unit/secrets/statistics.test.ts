import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type WritableDb } from '../../../electron/core/db/connection.js';
import { migrate } from '../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { holdsClearKeys, refreshStatistics } from '../../../electron/core/secrets/clear-keys.js';
import { createLicenseService } from '../../../electron/core/services/licenses/service.js';
import { createSettingsService } from '../../../electron/core/services/settings.js';
import { TempDirs, fixedClock, itemIdFor, newLicenseInput } from '../../fixtures/builders.js';
import { TRIAL_KEY } from '../../fixtures/keys.js';

const dirs = new TempDirs();
let db: WritableDb;
afterEach(() => {
  db.close();
  dirs.cleanup();
});

function storeWithItems(): WritableDb {
  db = openDatabase(path.join(dirs.make(), 'stats.sqlite'));
  migrate(db, MIGRATIONS);
  const svc = createLicenseService(db, fixedClock(), createSettingsService(db));
  db.transaction(() => {
    for (let i = 0; i < 50; i++) svc.create(newLicenseInput({ itemId: itemIdFor(i) }));
  })();
  return db;
}

const statRows = (table: string, tbl: string) =>
  (db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = ?`).get(table) as { n: number }).n === 0
    ? 0
    : (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE tbl = ?`).get(tbl) as { n: number }).n;

describe('planner statistics next to clear keys', () => {
  it('with a key still in clear: license_items gets statistics, license_keys none (stat4 would sample the key)', () => {
    storeWithItems();
    db.prepare("INSERT INTO license_keys (kind, key_text, created_at) VALUES ('trial', ?, '2026-01-01T00:00:00.000Z')").run(TRIAL_KEY);
    expect(holdsClearKeys(db)).toBe(true);
    refreshStatistics(db, { flags: 0x10002, onlyIfMissing: true });
    expect(statRows('sqlite_stat1', 'license_items')).toBeGreaterThan(0);
    expect(statRows('sqlite_stat1', 'license_keys')).toBe(0);
    expect(statRows('sqlite_stat4', 'license_keys')).toBe(0);
  });

  it('with every key sealed: PRAGMA optimize gathers them for every table', () => {
    storeWithItems();
    expect(holdsClearKeys(db)).toBe(false);
    refreshStatistics(db, { flags: 0x10002 });
    expect(statRows('sqlite_stat1', 'license_items')).toBeGreaterThan(0);
  });
});
