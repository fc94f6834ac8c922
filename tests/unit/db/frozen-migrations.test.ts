import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type WritableDb } from '../../../electron/core/db/connection.js';
import { migrate } from '../../../electron/core/db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { CURRENT_LISTS, syncReferenceData } from '../../../electron/core/db/reference-data.js';
import { dataPaths, openStore } from '../../../electron/core/db/store.js';
import { PRODUCT_CATALOGUE } from '../../../shared/domain/catalogue.js';
import { QUOTA_MODES } from '../../../shared/domain/quota.js';
import { TempDirs, countRows, schemaSnapshot } from '../../fixtures/builders.js';

const tmp = new TempDirs();
const open: WritableDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  tmp.cleanup();
});

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../electron/core/db/migrations');
const V1_SQL = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/db/schema-v1.sql'), 'utf8');

/** A data folder holding the committed version-1 database, with one license per original quota mode. */
function v1Folder(): string {
  const dir = tmp.make();
  const db = openDatabase(dataPaths(dir).dbFile);
  db.exec(V1_SQL);
  const insert = db.prepare(
    "INSERT INTO license_items (item_id, product_code, term, quota_mode, quota_amount, activation_status, created_at, updated_at) VALUES (?, 'DWT', 'annual', ?, 100, 'new', 'x', 'x')",
  );
  QUOTA_MODES.forEach((mode, i) => insert.run(String(700000 + i), mode));
  db.close();
  return dir;
}

async function upgraded(dir: string): Promise<WritableDb> {
  const { db } = await openStore(dir);
  open.push(db);
  return db;
}

async function freshStore(): Promise<WritableDb> {
  return upgraded(tmp.make());
}

const insertWithMode = (db: WritableDb, itemId: string, mode: string) =>
  db
    .prepare("INSERT INTO license_items (item_id, product_code, term, quota_mode, quota_amount, activation_status, created_at, updated_at) VALUES (?, 'DBR', 'annual', ?, 10, 'new', 'x', 'x')")
    .run(itemId, mode);

describe('frozen migrations', () => {
  it('hold literal SQL: no migration imports the domain lists or builds SQL from values', () => {
    for (const file of fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}-.*\.ts$/.test(f))) {
      const text = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect({ file, imports: imports.filter((i) => i !== './types.js') }).toEqual({ file, imports: [] });
      expect({ file, interpolates: /`[^`]*\$\{[^`]*`/s.test(text) }).toEqual({ file, interpolates: false });
    }
  });

  it('a version-1 database made with the original lists upgrades to exactly the schema of a fresh install, keeping its rows', async () => {
    const db = await upgraded(v1Folder());
    const fresh = await freshStore();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(schemaSnapshot(db)).toEqual(schemaSnapshot(fresh));
    expect(countRows(db, 'license_items')).toBe(QUOTA_MODES.length);
    expect(countRows(db, 'products')).toBe(PRODUCT_CATALOGUE.length);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The search index was rebuilt around the new table and still matches it.
    expect(() => db.prepare("INSERT INTO license_search(license_search, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    expect((db.prepare("SELECT count(*) AS n FROM license_search WHERE search_text LIKE '%700003%'").get() as { n: number }).n).toBe(1);
  });

  it('a quota mode added to the app after release is accepted by an upgraded database and a fresh one alike', async () => {
    const withMinutes = { ...CURRENT_LISTS, quotaModes: [...QUOTA_MODES, 'minutes'] };
    for (const db of [await upgraded(v1Folder()), await freshStore()]) {
      expect(() => insertWithMode(db, '990001', 'minutes')).toThrow(/FOREIGN KEY/);
      expect(syncReferenceData(db, withMinutes)).toBe(1);
      expect(() => insertWithMode(db, '990001', 'minutes')).not.toThrow();
      // Unknown values are still refused: the list is enforced, not dropped.
      expect(() => insertWithMode(db, '990002', 'parsecs')).toThrow(/FOREIGN KEY/);
    }
  });

  it('the built-in catalogue is synced at start: a new product and a renamed one arrive, user products stay, a second run writes nothing', async () => {
    const db = await upgraded(v1Folder());
    db.prepare("INSERT INTO products (code, name, editions, built_in) VALUES ('ACME', 'Acme Scanner (mine)', '[]', 0)").run();
    const catalogue = [
      ...PRODUCT_CATALOGUE.map((p) => (p.code === 'DPS' ? { ...p, name: 'Dynamsoft Panorama SDK', editions: ['Mobile Edition'] } : p)),
      { code: 'NEW', name: 'Dynamsoft New Thing', editions: ['JavaScript Edition'], aliases: [] },
      { code: 'ACME', name: 'Acme, built in', editions: [], aliases: [] },
    ];
    const lists = { ...CURRENT_LISTS, catalogue };
    expect(syncReferenceData(db, lists)).toBe(2);
    const row = (code: string) => db.prepare('SELECT name, editions, built_in FROM products WHERE code = ?').get(code);
    expect(row('NEW')).toEqual({ name: 'Dynamsoft New Thing', editions: '["JavaScript Edition"]', built_in: 1 });
    expect(row('DPS')).toEqual({ name: 'Dynamsoft Panorama SDK', editions: '["Mobile Edition"]', built_in: 1 });
    expect(row('ACME')).toEqual({ name: 'Acme Scanner (mine)', editions: '[]', built_in: 0 });
    expect(syncReferenceData(db, lists)).toBe(0);
    expect(syncReferenceData(db)).toBe(1);
  });

  it('migrations run with foreign keys checked before commit: a migration that breaks a reference changes nothing', () => {
    const db = openDatabase(path.join(tmp.make(), 'fk.sqlite'));
    open.push(db);
    migrate(db, MIGRATIONS);
    const before = schemaSnapshot(db);
    const breaks = { version: LATEST_SCHEMA_VERSION + 1, name: 'breaks', up: (d: WritableDb) => insertWithMode(d, '123', 'no-such-mode') };
    expect(() => migrate(db, [...MIGRATIONS, breaks])).toThrow(/references are broken/);
    expect(schemaSnapshot(db)).toEqual(before);
    expect(countRows(db, 'license_items')).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
