import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../electron/core/db/backup.js';
import { openDatabase, type WritableDb } from '../../../electron/core/db/connection.js';
import { migrate } from '../../../electron/core/db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { StoreOpenError, dataPaths, openStore, restoreBackup, type OpenedStore } from '../../../electron/core/db/store.js';
import { TempDirs, countRows, fixedClock } from '../../fixtures/builders.js';

const tmp = new TempDirs();
const toClose: { close(): unknown; open: boolean }[] = [];
const clock = fixedClock('2026-03-04T05:06:07.089Z');
const STAMP = '2026-03-04T05-06-07-089Z';

afterEach(() => {
  for (const db of toClose.splice(0)) if (db.open) db.close();
  tmp.cleanup();
});

async function open(dir: string): Promise<OpenedStore> {
  const store = await openStore(dir, { now: () => clock.now() });
  toClose.push(store.db);
  return store;
}

async function failure(dir: string): Promise<StoreOpenError> {
  const err = await openStore(dir, { now: () => clock.now() }).then(
    (s) => {
      s.db.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreOpenError);
  return err as StoreOpenError;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function addProject(db: WritableDb, code: string): void {
  db.prepare("INSERT INTO projects (handshake_code, organization_id, created_at, updated_at) VALUES (?, '1', 'x', 'x')").run(code);
}

/** A store at the latest version with `n` project rows (enough pages to make truncation bite). */
async function populatedStore(dir: string, n: number): Promise<void> {
  const s = await open(dir);
  const tx = s.db.transaction(() => {
    for (let i = 0; i < n; i++) addProject(s.db, `1-${i}-${'x'.repeat(100)}`);
  });
  tx.immediate();
  s.db.close();
}

function readOnly(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  toClose.push(db);
  return db;
}

describe('openStore', () => {
  it('creates a fresh store at the latest schema in an empty dir, with no backup', async () => {
    const dir = tmp.make();
    const s = await open(dir);
    expect(s.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(s.backupTaken).toBeNull();
    expect(s.paths).toEqual(dataPaths(dir));
    expect(fs.statSync(path.join(dir, 'license-desk.sqlite')).isFile()).toBe(true);
    expect(countRows(s.db, 'products')).toBe(13);
    expect(fs.existsSync(s.paths.backupsDir)).toBe(false);
  });

  it('takes a verified backup of a v1 database before migrating it', async () => {
    const dir = tmp.make();
    const v1 = openDatabase(dataPaths(dir).dbFile);
    migrate(v1, MIGRATIONS, 1);
    addProject(v1, '100123456-kept');
    v1.close();

    const s = await open(dir);
    expect(s.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    // Named after the version the migration run ends at (all pending steps run in one go).
    expect(s.backupTaken).toBe(path.join(dir, 'backups', `before-v${LATEST_SCHEMA_VERSION}-${STAMP}.sqlite`));
    // (the read-only verification also leaves empty -wal/-shm companions; only the .sqlite counts)
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toEqual([`before-v${LATEST_SCHEMA_VERSION}-${STAMP}.sqlite`]);

    const copy = readOnly(s.backupTaken!);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT handshake_code FROM projects').pluck().all()).toEqual(['100123456-kept']);
    expect(copy.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'license_history'").pluck().get()).toBe(0);
    // the live store kept the row through the migration
    expect(s.db.prepare('SELECT handshake_code FROM projects').pluck().all()).toEqual(['100123456-kept']);
  });

  describe('refuses a newer schema and leaves it untouched', () => {
    async function expectRefusedUntouched(dir: string) {
      const file = dataPaths(dir).dbFile;
      const hash = sha256(file);
      const listing = fs.readdirSync(dir).sort();
      const err = await failure(dir);
      expect(err.failure.kind).toBe('newer');
      expect(err.failure).toMatchObject({ databaseVersion: 99, appVersion: LATEST_SCHEMA_VERSION });
      expect(err.message).toContain('99');
      expect(err.message).toContain(`schema version ${LATEST_SCHEMA_VERSION}`);
      expect(sha256(file)).toBe(hash);
      expect(fs.readdirSync(dir).sort()).toEqual(listing);
    }

    it('a rollback-journal file', async () => {
      const dir = tmp.make();
      const db = new Database(dataPaths(dir).dbFile);
      db.exec('CREATE TABLE t (x)');
      db.pragma('user_version = 99');
      db.close();
      await expectRefusedUntouched(dir);
    });

    // License Desk's own files are WAL-mode; a newer release's file will be too.
    it('a WAL-mode file (no -wal/-shm left behind)', async () => {
      const dir = tmp.make();
      const db = openDatabase(dataPaths(dir).dbFile);
      db.exec('CREATE TABLE t (x)');
      db.pragma('user_version = 99');
      db.close();
      expect(fs.readdirSync(dir)).toEqual(['license-desk.sqlite']);
      await expectRefusedUntouched(dir);
    });
  });

  describe('quarantines a damaged file', () => {
    it('garbage bytes → corrupt, moved byte-identical, backups listed', async () => {
      const dir = tmp.make();
      await populatedStore(dir, 3);
      const live = new Database(dataPaths(dir).dbFile);
      const backup = await backupDatabase(live as unknown as WritableDb, dataPaths(dir).backupsDir, 'manual', clock.now());
      live.close();
      const garbage = Buffer.from('this is not a database, just text\n'.repeat(200));
      fs.writeFileSync(dataPaths(dir).dbFile, garbage);

      const err = await failure(dir);
      expect(err.failure.kind).toBe('corrupt');
      if (err.failure.kind !== 'corrupt') return;
      expect(path.dirname(err.failure.quarantinedTo)).toBe(path.join(dir, 'quarantine'));
      expect(path.basename(err.failure.quarantinedTo)).toBe(`license-desk.sqlite.${STAMP}`);
      expect(fs.readFileSync(err.failure.quarantinedTo).equals(garbage)).toBe(true);
      expect(fs.existsSync(dataPaths(dir).dbFile)).toBe(false);
      expect(err.failure.backups).toEqual([backup]);
      expect(err.message).toContain(err.failure.quarantinedTo);
    });

    it('a truncated file → corrupt and quarantined', async () => {
      const dir = tmp.make();
      await populatedStore(dir, 2000);
      const file = dataPaths(dir).dbFile;
      const whole = fs.readFileSync(file);
      const half = whole.subarray(0, Math.floor(whole.length / 2));
      fs.writeFileSync(file, half);

      const err = await failure(dir);
      expect(err.failure.kind).toBe('corrupt');
      if (err.failure.kind !== 'corrupt') return;
      expect(fs.readFileSync(err.failure.quarantinedTo).equals(half)).toBe(true);
      expect(fs.existsSync(file)).toBe(false);
      expect(err.failure.backups).toEqual([]);
    });

    // Damage past page 1: the read-only peek succeeds, so openStore opens a writable connection and
    // quick_check fails on it. That connection must be closed before the file is moved aside.
    it.skipIf(!fs.existsSync('/proc/self/fd'))('damaged pages → corrupt, and no connection left open on the quarantined file', async () => {
      const dir = tmp.make();
      await populatedStore(dir, 2000);
      const file = dataPaths(dir).dbFile;
      const bytes = fs.readFileSync(file);
      bytes.fill(0x41, 4096 * 20, 4096 * 40);
      fs.writeFileSync(file, bytes);

      const err = await failure(dir);
      expect(err.failure.kind).toBe('corrupt');
      if (err.failure.kind !== 'corrupt') return;
      expect(fs.readFileSync(err.failure.quarantinedTo).equals(bytes)).toBe(true);
      const openFiles = fs
        .readdirSync('/proc/self/fd')
        .map((fd) => {
          try {
            return fs.readlinkSync(path.join('/proc/self/fd', fd));
          } catch {
            return '';
          }
        })
        .filter((target) => target.startsWith(dir));
      expect(openFiles).toEqual([]);
    });
  });

  it('a zero-length file opens as a fresh store', async () => {
    const dir = tmp.make();
    fs.writeFileSync(dataPaths(dir).dbFile, '');
    const s = await open(dir);
    expect(s.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(s.backupTaken).toBeNull();
    expect(countRows(s.db, 'products')).toBe(13);
    expect(fs.existsSync(s.paths.quarantineDir)).toBe(false);
  });
});

describe('restoreBackup', () => {
  it('puts a backup in place after quarantine; openStore then opens it with the data', async () => {
    const dir = tmp.make();
    const s = await open(dir);
    addProject(s.db, '100123456-restore-me');
    await backupDatabase(s.db, s.paths.backupsDir, 'manual', clock.now());
    s.db.close();
    fs.writeFileSync(s.paths.dbFile, 'garbage '.repeat(1000));

    const err = await failure(dir);
    if (err.failure.kind !== 'corrupt') throw new Error('expected corrupt');
    expect(err.failure.backups).toHaveLength(1);
    restoreBackup(dir, err.failure.backups[0]!);

    const again = await open(dir);
    expect(again.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(again.db.prepare('SELECT handshake_code FROM projects').pluck().all()).toEqual(['100123456-restore-me']);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses while a data file is still in place', async () => {
    const dir = tmp.make();
    const s = await open(dir);
    const backup = await backupDatabase(s.db, s.paths.backupsDir, 'manual', clock.now());
    const before = sha256(s.paths.dbFile);
    expect(() => restoreBackup(dir, backup)).toThrow(/still in place/);
    expect(sha256(s.paths.dbFile)).toBe(before);
  });
});
