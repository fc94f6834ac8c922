import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite.js';
import { currentWriteScope } from './write-scope.js';

/**
 * Branded handles, after Signal's `ReadableDB`/`WritableDB`: code that only reads takes a
 * `ReadableDb`, so a write needs a handle that says so at the type level.
 */
export type ReadableDb = Database.Database & { readonly __readable: unique symbol };
export type WritableDb = ReadableDb & { readonly __writable: unique symbol };

export interface OpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
}

/**
 * Opens the database and sets every pragma explicitly on every open: better-sqlite3 reports
 * synchronous=FULL only on the open that switches a new file to WAL, and NORMAL afterwards
 * (docs/engineering-notes.md §S1), and we want FULL always, since our writes are rare and precious.
 */
export function openDatabase(file: string, options: OpenOptions = {}): WritableDb {
  const db = openSqlite(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false, timeout: 5000 });
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('secure_delete = ON');
    }
    db.pragma('foreign_keys = ON');
    // 64 MiB of page cache (SQLite's default is 2 MiB): a 100,000-item import touches seven indexes and
    // the trigram search index, and with a small cache every insert re-reads pages from the WAL.
    db.pragma('cache_size = -65536');
  } catch (err) {
    db.close();
    throw err;
  }
  return db as WritableDb;
}

export function schemaVersion(db: ReadableDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Every write goes through here: synchronous, BEGIN IMMEDIATE, never awaited inside. The outermost
 * transaction lets the call's write scope (the audit log) add its part before it commits; a nested
 * one (a savepoint) is part of that transaction already.
 */
export function writeTransaction<T>(db: WritableDb, fn: () => T): T {
  const scope = db.inTransaction ? undefined : currentWriteScope();
  if (!scope) return db.transaction(fn).immediate();
  return db
    .transaction(() => {
      scope.begin?.(db);
      const result = fn();
      scope.beforeCommit(db, result);
      return result;
    })
    .immediate();
}
