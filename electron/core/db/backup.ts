import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ReadableDb } from './connection.js';

export class BackupCheckError extends Error {}

/**
 * Online-backup copy (never fs.copyFile of a live WAL database), then an integrity_check of the copy. A copy that fails the check is removed and the caller is told: a bad backup must
 * not be mistaken for a good one later.
 */
export async function backupDatabase(db: ReadableDb, dir: string, label: string, now = new Date()): Promise<string> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${label}-${stamp}.sqlite`);
  await db.backup(target);
  // The copy inherits WAL mode; switching it to a rollback journal keeps each backup one
  // self-contained file, with no -wal/-shm beside it.
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupCheckError(`Backup ${path.basename(target)} failed its integrity check: ${String(result)}`);
  } catch (err) {
    copy.close();
    fs.rmSync(target, { force: true });
    throw err instanceof BackupCheckError ? err : new BackupCheckError(`Backup ${path.basename(target)} could not be verified: ${(err as Error).message}`);
  }
  copy.close();
  return target;
}

export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f));
}
