import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type WritableDb } from '../../../electron/core/db/connection.js';
import { NewerDatabaseError, assertContiguous, migrate, pendingMigrations } from '../../../electron/core/db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import type { Migration } from '../../../electron/core/db/migrations/types.js';
import { PRODUCT_CATALOGUE } from '../../../shared/domain/catalogue.js';
import { TempDirs, countRows, schemaSnapshot } from '../../fixtures/builders.js';

const tmp = new TempDirs();
const open: WritableDb[] = [];

function freshDb(): WritableDb {
  const db = openDatabase(path.join(tmp.make(), 'test.sqlite'));
  open.push(db);
  return db;
}

function tableNames(db: WritableDb): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

function insertLicenseV1(db: WritableDb): void {
  db.prepare(
    `INSERT INTO license_items (item_id, product_code, term, quota_mode, quota_amount, activation_status, created_at, updated_at)
     VALUES ('555001', 'DWT', 'annual', 'pages', 5000, 'new', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  ).run();
}

const [m1, m2] = MIGRATIONS as [Migration, Migration];

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  tmp.cleanup();
});

describe('migrations on a fresh database', () => {
  it('reaches LATEST_SCHEMA_VERSION with every table and the 13 built-in products', () => {
    const db = freshDb();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, MIGRATIONS)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(2);
    expect(schemaVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(['license_history', 'license_items', 'products', 'projects', 'usage_snapshots']);
    const products = db.prepare('SELECT code, name, editions, built_in FROM products ORDER BY rowid').all() as {
      code: string;
      name: string;
      editions: string;
      built_in: number;
    }[];
    expect(products).toHaveLength(13);
    expect(products.map((p) => p.code)).toEqual(PRODUCT_CATALOGUE.map((p) => p.code));
    expect(products.every((p) => p.built_in === 1)).toBe(true);
    expect(JSON.parse(products[0]!.editions)).toEqual(PRODUCT_CATALOGUE[0]!.editions);
  });

  it('is a no-op when already at the latest version', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS);
    const before = schemaSnapshot(db);
    expect(migrate(db, MIGRATIONS)).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaSnapshot(db)).toEqual(before);
    expect(countRows(db, 'products')).toBe(13);
  });
});

describe('each step separately', () => {
  it('v1 has only the license tables; moving to v2 keeps the data and adds the new tables', () => {
    const db = freshDb();
    expect(migrate(db, MIGRATIONS, 1)).toBe(1);
    expect(tableNames(db)).toEqual(['license_items', 'products', 'projects']);
    insertLicenseV1(db);

    expect(migrate(db, MIGRATIONS, 2)).toBe(2);
    expect(tableNames(db)).toEqual(['license_history', 'license_items', 'products', 'projects', 'usage_snapshots']);
    const row = db.prepare('SELECT item_id, product_code, quota_amount FROM license_items').all();
    expect(row).toEqual([{ item_id: '555001', product_code: 'DWT', quota_amount: 5000 }]);
    // The new tables accept rows that reference the old data.
    db.prepare("INSERT INTO usage_snapshots (license_item_id, taken_on, used) VALUES (1, '2026-02-01', 12)").run();
    expect(countRows(db, 'usage_snapshots')).toBe(1);
  });

  it('stepwise upgrade ends with the same schema as a fresh install', () => {
    const stepwise = freshDb();
    migrate(stepwise, MIGRATIONS, 1);
    migrate(stepwise, MIGRATIONS, 2);
    const fresh = freshDb();
    migrate(fresh, MIGRATIONS);
    expect(schemaSnapshot(stepwise)).toEqual(schemaSnapshot(fresh));
  });

  it('pendingMigrations lists only what is left', () => {
    const db = freshDb();
    expect(pendingMigrations(db, MIGRATIONS).map((m) => m.version)).toEqual([1, 2]);
    migrate(db, MIGRATIONS, 1);
    expect(pendingMigrations(db, MIGRATIONS).map((m) => m.version)).toEqual([2]);
  });

  it('refuses a database newer than the list', () => {
    const db = freshDb();
    db.pragma('user_version = 7');
    expect(() => pendingMigrations(db, MIGRATIONS)).toThrow(NewerDatabaseError);
    expect(() => migrate(db, MIGRATIONS)).toThrow(/schema version 7.*schema version 2/s);
    expect(schemaVersion(db)).toBe(7);
  });
});

describe('assertContiguous', () => {
  const m3: Migration = { version: 3, name: 'three', up: () => undefined };

  it('accepts 1..N and the empty list', () => {
    expect(() => assertContiguous(MIGRATIONS)).not.toThrow();
    expect(() => assertContiguous([])).not.toThrow();
    expect(() => assertContiguous([m1, m2, m3])).not.toThrow();
  });

  it('rejects a gap, a list not starting at 1, and a swapped order', () => {
    expect(() => assertContiguous([m1, m3])).toThrow('Migration list is out of order at three: expected version 2, got 3');
    expect(() => assertContiguous([m2])).toThrow(/expected version 1, got 2/);
    expect(() => assertContiguous([m2, m1])).toThrow(/out of order/);
  });

  it('migrate refuses a broken list before touching the database', () => {
    const db = freshDb();
    expect(() => migrate(db, [m1, m3])).toThrow(/out of order/);
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });
});

describe('a failing migration changes nothing', () => {
  const failing: Migration = {
    version: 3,
    name: 'explodes',
    up(db) {
      db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
      db.exec("INSERT INTO products (code, name) VALUES ('ZZ', 'Half done')");
      throw new Error('boom in migration 3');
    },
  };

  it('from the latest version: user_version and sqlite_master are exactly as before', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS);
    const before = schemaSnapshot(db);
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow('boom in migration 3');
    expect(schemaVersion(db)).toBe(2);
    expect(schemaSnapshot(db)).toEqual(before);
    expect(tableNames(db)).not.toContain('half_done');
    expect(countRows(db, 'products')).toBe(13);
    expect(db.inTransaction).toBe(false);
  });

  it('from an empty database: earlier steps in the same run are rolled back too', () => {
    const db = freshDb();
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow('boom in migration 3');
    expect(schemaVersion(db)).toBe(0);
    expect(schemaSnapshot(db)).toEqual([]);
    // and the next run with the good list succeeds
    expect(migrate(db, MIGRATIONS)).toBe(2);
  });
});

describe('pragmas after openDatabase', () => {
  function pragmas(db: WritableDb) {
    return {
      journal_mode: db.pragma('journal_mode', { simple: true }),
      synchronous: db.pragma('synchronous', { simple: true }),
      foreign_keys: db.pragma('foreign_keys', { simple: true }),
      busy_timeout: db.pragma('busy_timeout', { simple: true }),
      secure_delete: db.pragma('secure_delete', { simple: true }),
    };
  }
  const expected = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000, secure_delete: 1 };

  it('are set on the first open and again on a later reopen', () => {
    const file = path.join(tmp.make(), 'pragmas.sqlite');
    const first = openDatabase(file);
    expect(pragmas(first)).toEqual(expected);
    migrate(first, MIGRATIONS);
    first.close();

    const again = openDatabase(file);
    open.push(again);
    expect(pragmas(again)).toEqual(expected);
  });

  it('enforces foreign keys', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS);
    expect(() =>
      db
        .prepare(
          `INSERT INTO license_items (item_id, product_code, term, quota_mode, quota_amount, activation_status, created_at, updated_at)
           VALUES ('1', 'NOPE', 'annual', 'scans', 1, 'new', 'x', 'x')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
