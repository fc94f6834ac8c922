import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type WritableDb } from '../../../electron/core/db/connection.js';
import { NewerDatabaseError, assertContiguous, migrate, pendingMigrations } from '../../../electron/core/db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import type { Migration } from '../../../electron/core/db/migrations/types.js';
import { createLicenseService } from '../../../electron/core/services/licenses/service.js';
import { createSettingsService } from '../../../electron/core/services/settings.js';
import { PRODUCT_CATALOGUE } from '../../../shared/domain/catalogue.js';
import { LicenseQuery } from '../../../shared/domain/query.js';
import { FIXED_AS_OF, TempDirs, countRows, fixedClock, schemaSnapshot } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';

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

const [m1, m2, m3] = MIGRATIONS as [Migration, Migration, Migration, ...Migration[]];
const V2_TABLES = ['license_history', 'license_items', 'products', 'projects', 'usage_snapshots'];
const V3_TABLES = ['import_batches', 'license_history', 'license_items', 'license_keys', 'products', 'projects', 'settings', 'usage_snapshots'];
// Version 4 adds the trigram search index: an FTS5 table and its shadow tables.
const SEARCH_TABLES = ['license_search', 'license_search_config', 'license_search_data', 'license_search_docsize', 'license_search_idx'];
const V4_TABLES = [...V3_TABLES, ...SEARCH_TABLES, 'search_index_deferred'].sort();
// Version 6 adds orders with their lines and state changes.
const V6_TABLES = [...V4_TABLES, 'order_events', 'order_lines', 'orders'].sort();
// Version 7 adds purchases: POs and their number ledger, resellers, the imported purchase history.
const V7_TABLES = [...V6_TABLES, 'po_counter', 'po_numbers', 'purchase_orders', 'purchase_record_lines', 'purchase_records', 'resellers'].sort();
// Version 8 turns the CHECK lists into tables the start step keeps in step with the app; 9 adds the
// tombstones of deleted licenses; 10 the reminders' decisions and shown digests; 12 the audit log.
const LATEST_TABLES = [...V7_TABLES, 'device_windows', 'key_kinds', 'license_terms', 'quota_modes', 'license_tombstones', 'reminder_decisions', 'reminder_digests', 'audit_log'].sort();

function columnNames(db: WritableDb, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]).map((r) => r.name);
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  tmp.cleanup();
});

describe('migrations on a fresh database', () => {
  it('reaches LATEST_SCHEMA_VERSION with every table and the 13 built-in products', () => {
    const db = freshDb();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, MIGRATIONS)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(14);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(db)).toEqual(LATEST_TABLES);
    expect(columnNames(db, 'license_items').slice(-4)).toEqual(['used', 'used_on', 'search_text', 'estimated_dates']);
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
    expect(tableNames(db)).toEqual(V2_TABLES);
    const row = db.prepare('SELECT item_id, product_code, quota_amount FROM license_items').all();
    expect(row).toEqual([{ item_id: '555001', product_code: 'DWT', quota_amount: 5000 }]);
    // The new tables accept rows that reference the old data.
    db.prepare("INSERT INTO usage_snapshots (license_item_id, taken_on, used) VALUES (1, '2026-02-01', 12)").run();
    expect(countRows(db, 'usage_snapshots')).toBe(1);
  });

  it('stepwise upgrade ends with the same schema as a fresh install', () => {
    const stepwise = freshDb();
    for (let v = 1; v <= LATEST_SCHEMA_VERSION; v++) migrate(stepwise, MIGRATIONS, v);
    const fresh = freshDb();
    migrate(fresh, MIGRATIONS);
    expect(schemaSnapshot(stepwise)).toEqual(schemaSnapshot(fresh));
  });

  it('pendingMigrations lists only what is left', () => {
    const db = freshDb();
    expect(pendingMigrations(db, MIGRATIONS).map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    migrate(db, MIGRATIONS, 1);
    expect(pendingMigrations(db, MIGRATIONS).map((m) => m.version)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    migrate(db, MIGRATIONS, LATEST_SCHEMA_VERSION - 1);
    expect(pendingMigrations(db, MIGRATIONS).map((m) => m.version)).toEqual([LATEST_SCHEMA_VERSION]);
  });

  it('refuses a database newer than the list', () => {
    const db = freshDb();
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 2}`);
    expect(() => pendingMigrations(db, MIGRATIONS)).toThrow(NewerDatabaseError);
    expect(() => migrate(db, MIGRATIONS)).toThrow(new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 2}.*schema version ${LATEST_SCHEMA_VERSION}`, 's'));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 2);
  });
});

describe('10 → 11: estimated dates', () => {
  it('existing items have none, and only the known lists are accepted', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 10);
    insertLicenseV1(db);
    migrate(db, MIGRATIONS, 11);
    expect(db.prepare('SELECT estimated_dates FROM license_items').pluck().all()).toEqual([null]);
    db.prepare("UPDATE license_items SET estimated_dates = 'activatedOn'").run();
    expect(() => db.prepare("UPDATE license_items SET estimated_dates = 'notes'").run()).toThrow(/CHECK/);
  });
});

describe('11 → 12: the audit log', () => {
  const entry = (seq: number, hash: string) =>
    `INSERT INTO audit_log (seq, at, kind, channel, actor, summary, prev_hash, hash) VALUES (${seq}, '2026-01-01T00:00:00.000Z', 'license', 'licenses:create', 'me', '{}', '${'0'.repeat(64)}', '${hash}')`;

  it('keeps the licenses it found, starts empty, and refuses to change or remove an entry', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 11);
    insertLicenseV1(db);
    migrate(db, MIGRATIONS, 12);
    expect(countRows(db, 'license_items')).toBe(1);
    expect(countRows(db, 'audit_log')).toBe(0);
    db.exec(entry(1, 'a'.repeat(64)));
    expect(() => db.exec("UPDATE audit_log SET actor = 'someone else'")).toThrow(/cannot be changed/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/cannot be removed/);
    expect(countRows(db, 'audit_log')).toBe(1);
  });

  it('accepts only a 64-character hash, once, and a JSON summary', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 12);
    expect(() => db.exec(entry(1, 'short'))).toThrow(/CHECK/);
    db.exec(entry(1, 'b'.repeat(64)));
    expect(() => db.exec(entry(2, 'b'.repeat(64)))).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(`INSERT INTO audit_log (at, kind, channel, actor, summary, prev_hash, hash) VALUES ('x', 'k', 'c:d', 'me', 'not json', '${'0'.repeat(64)}', '${'c'.repeat(64)}')`),
    ).toThrow(/CHECK/);
  });
});

describe('2 → 3: keys, imports, settings, and the denormalised usage and search columns', () => {
  const ITEM = (id: number, itemId: string, extra = '') =>
    `INSERT INTO license_items (id, item_id, product_code, term, quota_mode, quota_amount, activation_status, activated_on, expires_on, alias, notes, project_id, created_at, updated_at)
     VALUES (${id}, '${itemId}', 'DBR', 'annual', 'scans', 1000, 'activated', '2026-01-01', '2027-01-01', ${extra || 'NULL'}, 'v2 note', NULL, 'x', 'x')`;

  function seedV2(): WritableDb {
    const db = freshDb();
    migrate(db, MIGRATIONS, 2);
    db.exec(ITEM(1, '777001', "'Warehouse Alpha'"));
    db.exec(ITEM(2, '777002'));
    // Inserted out of date order, so "latest" must mean the latest date, not the last row.
    db.exec(`INSERT INTO usage_snapshots (license_item_id, taken_on, used) VALUES (1, '2026-05-01', 500), (1, '2026-06-15', 820), (1, '2026-02-01', 100)`);
    return db;
  }

  it('adds the tables and backfills used/used_on from the latest snapshot; items without snapshots stay null', () => {
    const db = seedV2();
    expect(migrate(db, MIGRATIONS, 3)).toBe(3);
    expect(tableNames(db)).toEqual(V3_TABLES);
    expect(db.prepare('SELECT id, used, used_on FROM license_items ORDER BY id').all()).toEqual([
      { id: 1, used: 820, used_on: '2026-06-15' },
      { id: 2, used: null, used_on: null },
    ]);
    expect(countRows(db, 'usage_snapshots')).toBe(3);
    expect(countRows(db, 'license_keys') + countRows(db, 'import_batches') + countRows(db, 'settings')).toBe(0);
  });

  function migratedService() {
    const db = seedV2();
    migrate(db, MIGRATIONS);
    return createLicenseService(db, fixedClock(), createSettingsService(db));
  }

  it('the migrated items are listed with their usage', () => {
    const all = migratedService().list(LicenseQuery.parse({ asOf: FIXED_AS_OF, sort: { key: 'itemId', dir: 'asc' } }));
    expect(all.rows.map((r) => [r.itemId, r.used, r.usedOn])).toEqual([
      ['777001', 820, '2026-06-15'],
      ['777002', null, null],
    ]);
  });

  it('the migrated items are found by search', () => {
    const svc = migratedService();
    // Search reads search_text, which v2 rows did not have: the migration must fill it for them.
    const found = (search: string) => svc.list(LicenseQuery.parse({ asOf: FIXED_AS_OF, search })).rows.map((r) => r.itemId);
    expect(found('777001')).toEqual(['777001']);
    expect(found('warehouse')).toEqual(['777001']);
    expect(found('barcode reader')).toEqual(['777001', '777002']);
  });

  it('settings persist: settings:update, then new services on a reopened file read them', async () => {
    const file = path.join(tmp.make(), 'settings.sqlite');
    const first = openDatabase(file);
    migrate(first, MIGRATIONS);
    const api = testApi(first);
    expect(await api.call('settings:get', undefined)).toEqual({ amberDays: 30, redDays: 14 });
    expect(await api.call('settings:update', { amberDays: 45, redDays: 10 })).toEqual({ amberDays: 45, redDays: 10 });
    // red wider than amber is refused by the contract, and nothing is stored
    expect((await api.fail('settings:update', { amberDays: 10, redDays: 20 })).issues).toEqual([{ path: 'redDays', message: 'Red must not be more days than amber' }]);
    first.close();

    const again = openDatabase(file);
    open.push(again);
    expect(await testApi(again).call('settings:get', undefined)).toEqual({ amberDays: 45, redDays: 10 });
    expect(again.prepare('SELECT key, value FROM settings').all()).toEqual([{ key: 'status', value: '{"amberDays":45,"redDays":10}' }]);
  });

  describe('3 → 4: the trigram search index', () => {
    const search = (db: WritableDb, text: string) =>
      (db.prepare('SELECT rowid FROM license_search WHERE search_text LIKE ? ORDER BY rowid').all(`%${text}%`) as { rowid: number }[]).map((r) => r.rowid);
  
    it('indexes the items a v3 database already had, and triggers keep the index in step', () => {
      const db = seedV2();
      migrate(db, MIGRATIONS, 3);
      const ids = (db.prepare('SELECT id FROM license_items ORDER BY id').all() as { id: number }[]).map((r) => r.id);
      migrate(db, MIGRATIONS, 4);
      expect(search(db, '777001')).toEqual([ids[0]]);
      expect(search(db, 'barcode')).toEqual(ids);
  
      db.prepare("UPDATE license_items SET search_text = 'renamed item' WHERE id = ?").run(ids[0]);
      expect(search(db, '777001')).toEqual([]);
      expect(search(db, 'renamed')).toEqual([ids[0]]);
      db.prepare('DELETE FROM license_items WHERE id = ?').run(ids[0]);
      expect(search(db, 'renamed')).toEqual([]);
      // FTS5's own check compares the index with license_items and throws SQLITE_CORRUPT_VTAB on a mismatch.
      expect(() => db.prepare("INSERT INTO license_search(license_search, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    });
  
    it('adds the sort-order index the default list order uses', () => {
      const db = freshDb();
      migrate(db, MIGRATIONS);
      const plan = db
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM license_items li ORDER BY (li.expires_on IS NULL), li.expires_on, li.id LIMIT 100")
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('license_items_expiry_order');
      expect(plan.map((p) => p.detail).join(' ')).not.toContain('TEMP B-TREE');
    });

    it('drops the product-only index: a lookup by product alone uses the product+expiry one', () => {
      const db = freshDb();
      migrate(db, MIGRATIONS);
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'license_items'").pluck().all();
      expect(names).not.toContain('license_items_product');
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM license_items WHERE product_code = 'DBR'").all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/INDEX license_items_product_expiry \(product_code=\?\)/);
    });
  });
});

describe('assertContiguous', () => {
  const m4: Migration = { version: 4, name: 'four', up: () => undefined };
  const next: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'next', up: () => undefined };

  it('accepts 1..N and the empty list', () => {
    expect(() => assertContiguous(MIGRATIONS)).not.toThrow();
    expect(() => assertContiguous([])).not.toThrow();
    expect(() => assertContiguous([...MIGRATIONS, next])).not.toThrow();
  });

  it('rejects a gap, a list not starting at 1, and a swapped order', () => {
    expect(() => assertContiguous([m1, m2, m4])).toThrow('Migration list is out of order at four: expected version 3, got 4');
    expect(() => assertContiguous([m1, m3])).toThrow('Migration list is out of order at keys-imports-settings: expected version 2, got 3');
    expect(() => assertContiguous([m2])).toThrow(/expected version 1, got 2/);
    expect(() => assertContiguous([m2, m1])).toThrow(/out of order/);
  });

  it('migrate refuses a broken list before touching the database', () => {
    const db = freshDb();
    expect(() => migrate(db, [m1, m2, m4])).toThrow(/out of order/);
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });
});

describe('a failing migration changes nothing', () => {
  const failing: Migration = {
    version: LATEST_SCHEMA_VERSION + 1,
    name: 'explodes',
    up(db) {
      db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
      db.exec("INSERT INTO products (code, name) VALUES ('ZZ', 'Half done')");
      throw new Error('boom in the last migration');
    },
  };

  it('from the latest version: user_version and sqlite_master are exactly as before', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS);
    const before = schemaSnapshot(db);
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow('boom in the last migration');
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaSnapshot(db)).toEqual(before);
    expect(tableNames(db)).not.toContain('half_done');
    expect(countRows(db, 'products')).toBe(13);
    expect(db.inTransaction).toBe(false);
  });

  it('from an empty database: earlier steps in the same run are rolled back too', () => {
    const db = freshDb();
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow('boom in the last migration');
    expect(schemaVersion(db)).toBe(0);
    expect(schemaSnapshot(db)).toEqual([]);
    // and the next run with the good list succeeds
    expect(migrate(db, MIGRATIONS)).toBe(LATEST_SCHEMA_VERSION);
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
