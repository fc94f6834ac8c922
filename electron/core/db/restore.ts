import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_KEY_FILE_SETTING, listBackups } from './backup.js';
import { openSqlite } from './sqlite.js';
import type { DataPaths } from './store.js';
import { syncDir } from '../platform/atomic-file.js';

export class RestoreError extends Error {}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** integrity_check on a backup file, read-only; false for anything that is not a sound SQLite file. */
export function backupIsSound(file: string): boolean {
  try {
    const db = openSqlite(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('integrity_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** The newest backup in `dir` that passes integrity_check now, or null. */
export function newestSoundBackup(dir: string): string | null {
  return listBackups(dir).find(backupIsSound) ?? null;
}

/**
 * Copies a backup beside the data file as `<data file>.restoring` (SQLite's online backup, from a
 * read-only connection to the backup, which is never changed), checks the copy and fsyncs it. The
 * live data is not touched: a failure here leaves everything as it was.
 */
export async function stageRestore(backupFile: string, dbFile: string): Promise<string> {
  const staged = `${dbFile}.restoring`;
  fs.rmSync(staged, { force: true });
  if (!backupIsSound(backupFile)) throw new RestoreError(`The backup ${path.basename(backupFile)} failed its integrity check, so it was not restored. Nothing was changed.`);
  const source = openSqlite(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(staged);
  } finally {
    source.close();
  }
  try {
    const copy = openSqlite(staged, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      if (copy.pragma('integrity_check', { simple: true }) !== 'ok') throw new RestoreError('The copy of the backup failed its integrity check. Nothing was changed.');
      // The wrapped key file it carries is for putting vault.key back (secrets/key-check.ts), not data.
      const hasSettings = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get() !== undefined;
      if (hasSettings) copy.prepare('DELETE FROM settings WHERE key = ?').run(BACKUP_KEY_FILE_SETTING);
    } finally {
      copy.close();
    }
    fsyncFile(staged);
  } catch (err) {
    fs.rmSync(staged, { force: true });
    throw err;
  }
  return staged;
}

/**
 * Puts a staged copy in place of the data file. Every connection to the store must be closed: the
 * live file's WAL is folded into it first (journal_mode=DELETE needs the only connection, so a
 * connection still open makes this fail before anything moved), so no -wal is left to be replayed
 * onto the restored file; then one rename, atomic on the same folder, and an fsync of the folder.
 */
export function swapIn(paths: DataPaths, staged: string): void {
  if (fs.existsSync(paths.dbFile) && fs.statSync(paths.dbFile).size > 0) {
    const live = openSqlite(paths.dbFile, { fileMustExist: true, timeout: 0 });
    try {
      live.pragma('journal_mode = DELETE');
    } finally {
      live.close();
    }
  }
  for (const suffix of ['-wal', '-shm']) {
    const companion = paths.dbFile + suffix;
    if (fs.existsSync(companion) && fs.statSync(companion).size > 0 && suffix === '-wal') throw new RestoreError('The data file still has changes waiting in its journal; nothing was restored.');
    fs.rmSync(companion, { force: true });
  }
  fs.renameSync(staged, paths.dbFile);
  syncDir(paths.dir);
}
