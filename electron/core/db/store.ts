import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, listBackups } from './backup.js';
import { openDatabase, schemaVersion, type WritableDb } from './connection.js';
import { NewerDatabaseError, migrate, pendingMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { REFERENCE_TABLES_SINCE, syncReferenceData } from './reference-data.js';
import type { Migration } from './migrations/types.js';
import { holdsClearKeys } from '../secrets/clear-keys.js';
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

function checkHealth(db: WritableDb): void {
  // quick_check throws on a truncated file rather than returning a message; both count as damage.
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok') throw Object.assign(new Error(`quick_check: ${String(result)}`), { code: 'SQLITE_CORRUPT' });
}

export interface OpenedStore {
  db: WritableDb;
  paths: DataPaths;
  schemaVersion: number;
  backupTaken: string | null;
}

/**
 * Opens (or creates) the store in `dir`: refuses a newer schema untouched, quarantines a damaged
 * file and reports the backups that could replace it, and takes a verified backup before migrating.
 */
export async function openStore(dir: string, options: { migrations?: readonly Migration[]; now?: () => Date } = {}): Promise<OpenedStore> {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  const paths = dataPaths(dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });

  const exists = fs.existsSync(paths.dbFile) && fs.statSync(paths.dbFile).size > 0;
  let db: WritableDb | null = null;
  try {
    if (exists) {
      const version = peekVersion(paths.dbFile);
      if (version > migrations.length) throw new NewerDatabaseError(version, migrations.length);
    }
    db = openDatabase(paths.dbFile);
    if (exists) checkHealth(db);
  } catch (err) {
    // Close before moving anything: a connection left open would keep writing to the moved file.
    if (db?.open) db.close();
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
  const opened: WritableDb = db;

  let backupTaken: string | null = null;
  try {
    const pending = pendingMigrations(opened, migrations);
    if (pending.length > 0 && schemaVersion(opened) > 0) {
      backupTaken = await backupDatabase(opened, paths.backupsDir, `before-v${pending[pending.length - 1]!.version}`, now(), { keyFile: path.join(dir, VAULT_FILE) });
    }
    migrate(opened, migrations);
    if (schemaVersion(opened) >= REFERENCE_TABLES_SINCE) syncReferenceData(opened);
    // Gathers planner statistics where they are missing or stale (SQLite's advice for connections
    // that stay open), so filters on 100,000 items pick the right index. Not while keys are still in
    // clear: ANALYZE would copy whole keys into sqlite_stat4 (the core runs it after sealing them).
    if (!holdsClearKeys(opened)) opened.pragma('optimize = 0x10002');
  } catch (err) {
    opened.close();
    throw err;
  }
  return { db: opened, paths, schemaVersion: schemaVersion(opened), backupTaken };
}

/** Replaces the (already quarantined or missing) data file with a verified backup copy. */
export function restoreBackup(dir: string, backupFile: string): void {
  const paths = dataPaths(dir);
  if (fs.existsSync(paths.dbFile) && fs.statSync(paths.dbFile).size > 0) {
    throw new Error('A data file is still in place; quarantine it before restoring a backup.');
  }
  fs.copyFileSync(backupFile, paths.dbFile);
}
