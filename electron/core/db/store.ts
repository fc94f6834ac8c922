import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from './sqlite.js';
import { backupDatabase, listBackups } from './backup.js';
import { openDatabase, schemaVersion, type WritableDb } from './connection.js';
import { NewerDatabaseError, migrate, pendingMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { REFERENCE_TABLES_SINCE, syncReferenceData } from './reference-data.js';
import type { Migration } from './migrations/types.js';
import { refreshStatistics } from '../secrets/clear-keys.js';
import { VAULT_FILE } from '../secrets/vault.js';

export const DB_FILE = 'license-desk.sqlite';

export interface DataPaths {
  dir: string;
  dbFile: string;
  backupsDir: string;
  quarantineDir: string;
}

export function dataPaths(dir: string): DataPaths {
  return {
    dir,
    dbFile: path.join(dir, DB_FILE),
    backupsDir: path.join(dir, 'backups'),
    quarantineDir: path.join(dir, 'quarantine'),
  };
}

export type StoreOpenFailure =
  | { kind: 'newer'; message: string; databaseVersion: number; appVersion: number }
  | { kind: 'foreign'; message: string }
  | { kind: 'unwritable'; message: string }
  | { kind: 'corrupt'; message: string; quarantinedTo: string; backups: string[] };

export class StoreOpenError extends Error {
  constructor(readonly failure: StoreOpenFailure) {
    super(failure.message);
    this.name = 'StoreOpenError';
  }
}

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && [...CORRUPTION_CODES].some((c) => code.startsWith(c));
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Reads user_version without touching the file: straight from the 100-byte database header
 * (offset 60, big-endian), because even a read-only SQLite open of a WAL database creates -wal and
 * -shm files. A header without SQLite's magic string is reported as damage.
 */
function peekVersion(file: string): number {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    const read = fs.readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw Object.assign(new Error('not a SQLite database'), { code: 'SQLITE_NOTADB' });
    }
  } finally {
    fs.closeSync(fd);
  }
  return header.readUInt32BE(60);
}

/** Moves the damaged file and its WAL companions aside. Never deletes: the user may need them. */
function quarantine(paths: DataPaths, now: Date): string {
  fs.mkdirSync(paths.quarantineDir, { recursive: true, mode: 0o700 });
  const target = path.join(paths.quarantineDir, `${DB_FILE}.${now.toISOString().replace(/[:.]/g, '-')}`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(paths.dbFile + suffix)) fs.renameSync(paths.dbFile + suffix, target + suffix);
  }
  return target;
}

/** "LDsk": written into every database License Desk makes, so another program's SQLite file is told apart. */
export const APPLICATION_ID = 0x4c44736b;

/**
 * Refuses another program's SQLite file before anything writes to it: a different application_id,
 * or none and tables that are not ours (databases from before application_id all have license_items).
 */
function assertOurs(file: string): void {
  const header = Buffer.alloc(72);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 72, 0);
  } finally {
    fs.closeSync(fd);
  }
  const appId = header.readUInt32BE(68);
  if (appId === APPLICATION_ID) return;
  let foreign = appId !== 0;
  if (!foreign) {
    const probe = openSqlite(file, { readonly: true, fileMustExist: true });
    try {
      const tables = (probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      foreign = tables.length > 0 && !tables.includes('license_items');
    } finally {
      probe.close();
    }
  }
  if (foreign) {
    throw new StoreOpenError({
      kind: 'foreign',
      message: `${file} is a database of another program, not License Desk's. It was left untouched; move it away or choose another data folder.`,
    });
  }
}

const CANNOT_WRITE = /^(SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_IOERR|SQLITE_FULL|EROFS|EACCES|EPERM|ENOSPC)/;

function cannotWrite(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CANNOT_WRITE.test(code);
}

/** Takes the write lock and lets it go: on a file or disk that cannot be written this fails at once. */
function probeWritable(db: WritableDb): void {
  db.exec('BEGIN IMMEDIATE');
  db.exec('ROLLBACK');
}

function checkHealth(db: WritableDb): void {
  // integrity_check, not quick_check: only the full check compares indexes with their tables, and a
  // damaged UNIQUE index let a duplicate item id in. It throws on a truncated file rather than
  // returning a message; both count as damage.
  const result = db.pragma('integrity_check', { simple: true });
  if (result !== 'ok') throw Object.assign(new Error(`integrity_check: ${String(result)}`), { code: 'SQLITE_CORRUPT' });
}

export interface OpenedStore {
  db: WritableDb;
  paths: DataPaths;
  schemaVersion: number;
  backupTaken: string | null;
  /** Why the store is open read-only (its folder or disk cannot be written), or null. */
  readOnly: string | null;
  /**
   * Where an empty (0-byte) data file was moved before a new one was made, when backups exist: an
   * empty file next to backups is a lost store (a crash, a sync tool), not a first start.
   */
  setAside: string | null;
}

const DISK_FULL_NOTICE =
  'The disk is full, so License Desk is open read-only: every license can be seen, but nothing can be changed. Free space, then restart License Desk.';

function diskIsFull(dir: string): boolean {
  try {
    return fs.statfsSync(dir).bavail === 0;
  } catch {
    return false;
  }
}

const READ_ONLY_NOTICE =
  'License Desk cannot write to its data folder (a read-only disk or folder, or files it may not change), so it is open read-only: ' +
  'every license can be seen, but nothing can be changed until the folder can be written again.';

/**
 * Opens (or creates) the store in `dir`: refuses a newer schema untouched, quarantines a damaged
 * file and reports the backups that could replace it, and takes a verified backup before migrating.
 */
export async function openStore(
  dir: string,
  options: {
    migrations?: readonly Migration[];
    now?: () => Date;
    /** Backup folders beside `backups/` (the second folder): their copies also make an empty data file a lost store. */
    otherBackupDirs?: readonly string[];
  } = {},
): Promise<OpenedStore> {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  const paths = dataPaths(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });

  let setAside: string | null = null;
  if (fs.existsSync(paths.dbFile) && fs.statSync(paths.dbFile).size === 0) {
    const wal = `${paths.dbFile}-wal`;
    const backupsExist = [paths.backupsDir, ...(options.otherBackupDirs ?? [])].some((d) => {
      try {
        return listBackups(d).length > 0;
      } catch {
        return false;
      }
    });
    if (backupsExist || (fs.existsSync(wal) && fs.statSync(wal).size > 0)) setAside = quarantine(paths, now());
  }
  const exists = fs.existsSync(paths.dbFile) && fs.statSync(paths.dbFile).size > 0;
  let db: WritableDb | null = null;
  let readOnlyDb: WritableDb | null = null;
  try {
    if (exists) {
      const version = peekVersion(paths.dbFile);
      if (version > migrations.length) throw new NewerDatabaseError(version, migrations.length);
      assertOurs(paths.dbFile);
    }
    try {
      db = openDatabase(paths.dbFile);
      if (exists) checkHealth(db);
      probeWritable(db);
    } catch (err) {
      if (!exists || !cannotWrite(err)) throw err;
      closeIfOpen(db);
      db = null;
      readOnlyDb = openReadOnly(paths.dbFile, migrations);
    }
  } catch (err) {
    // Close before moving anything: a connection left open would keep writing to the moved file.
    closeIfOpen(db);
    if (err instanceof StoreOpenError) throw err;
    if (err instanceof NewerDatabaseError) {
      throw new StoreOpenError({ kind: 'newer', message: err.message, databaseVersion: err.databaseVersion, appVersion: err.appVersion });
    }
    if (isCorruption(err)) {
      const quarantinedTo = quarantine(paths, now());
      throw new StoreOpenError({
        kind: 'corrupt',
        message: `The data file is damaged and could not be opened. It was moved aside to ${quarantinedTo}, not deleted.`,
        quarantinedTo,
        backups: listBackups(paths.backupsDir),
      });
    }
    throw err;
  }
  if (readOnlyDb) return { db: readOnlyDb, paths, schemaVersion: schemaVersion(readOnlyDb), backupTaken: null, readOnly: diskIsFull(dir) ? DISK_FULL_NOTICE : READ_ONLY_NOTICE, setAside };
  const opened: WritableDb = db!;

  let backupTaken: string | null = null;
  try {
    const pending = pendingMigrations(opened, migrations);
    if (pending.length > 0 && schemaVersion(opened) > 0) {
      backupTaken = await backupDatabase(opened, paths.backupsDir, `before-v${pending[pending.length - 1]!.version}`, now(), { keyFile: path.join(dir, VAULT_FILE) });
    }
    migrate(opened, migrations);
    if (schemaVersion(opened) >= REFERENCE_TABLES_SINCE) syncReferenceData(opened);
    // Gathers planner statistics where they are missing or stale (SQLite's advice for connections
    // that stay open), so filters on 100,000 items pick the right index; never sampling a clear key.
    if (opened.pragma('application_id', { simple: true }) !== APPLICATION_ID) opened.pragma(`application_id = ${APPLICATION_ID}`);
    refreshStatistics(opened, { flags: 0x10002, onlyIfMissing: true });
  } catch (err) {
    opened.close();
    if (cannotWrite(err)) throw new StoreOpenError({ kind: 'unwritable', message: `License Desk could not update its data file: ${storageReason(err)} Nothing was changed.` });
    throw err;
  }
  return { db: opened, paths, schemaVersion: schemaVersion(opened), backupTaken, readOnly: null, setAside };
}

function closeIfOpen(db: WritableDb | null): void {
  if (db?.open) db.close();
}

function storageReason(err: unknown): string {
  const code = String((err as { code?: unknown }).code);
  return /FULL|ENOSPC/.test(code) ? 'the disk is full; free space and start License Desk again.' : 'its folder cannot be written.';
}

/**
 * The read-only fallback: every read works, every write answers READ_ONLY. Only for a file at this
 * app's schema, since a read-only file cannot be migrated.
 */
function openReadOnly(file: string, migrations: readonly Migration[]): WritableDb {
  let db: WritableDb;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    try {
      checkHealth(db);
    } catch (err) {
      db.close();
      throw err;
    }
  } catch (err) {
    if (!cannotWrite(err)) throw err;
    // A WAL database needs its -shm file even to read, and a read-only or full disk cannot make one.
    // With no WAL content waiting (a clean close), the file alone is the whole database: read a copy
    // of it in memory, with writes refused by query_only.
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
      throw new StoreOpenError({ kind: 'unwritable', message: `License Desk cannot open its data file, even to read it: ${(err as Error).message}. Nothing was changed.` });
    }
    const image = fs.readFileSync(file);
    // Header bytes 18-19 say "WAL" (2); an in-memory copy has no WAL, so mark it a rollback-journal file (1).
    image[18] = 1;
    image[19] = 1;
    db = openSqlite(image) as WritableDb;
    db.pragma('query_only = ON');
    checkHealth(db);
  }
  if (pendingMigrations(db, migrations).length > 0) {
    db.close();
    throw new StoreOpenError({
      kind: 'unwritable',
      message: 'This version of License Desk must update the data file, but its folder cannot be written. Nothing was changed; make the folder writable and start again.',
    });
  }
  return db;
}

/** Replaces the (already quarantined or missing) data file with a verified backup copy. */
export function restoreBackup(dir: string, backupFile: string): void {
  const paths = dataPaths(dir);
  if (fs.existsSync(paths.dbFile) && fs.statSync(paths.dbFile).size > 0) {
    throw new Error('A data file is still in place; quarantine it before restoring a backup.');
  }
  fs.copyFileSync(backupFile, paths.dbFile);
}
