import fs from 'node:fs';
import path from 'node:path';
import type { BackupResult } from '../../../../shared/domain/backups.js';
import { backupDatabase } from '../../db/backup.js';
import type { ReadableDb } from '../../db/connection.js';
import { openSqlite } from '../../db/sqlite.js';
import { syncDir } from '../../platform/atomic-file.js';
import { catalog, entryOf, keepReasons, LABELS } from './catalog.js';
import { DEFAULT_RETENTION, type RetentionPolicy } from './retention.js';

export interface TakeBackupInput {
  reason: 'daily' | 'manual';
  /** ISO time the caller (the IPC thread's clock) says it is. */
  now: string;
  backupsDir: string;
  keyFile: string;
  secondFolder: string | null;
  retention?: RetentionPolicy;
}

/**
 * Removes the backups in `dir` the retention rule no longer keeps (retention.ts: the daily rule, the
 * newest few manual, before-restore and before-migration copies, never the newest backup nor a copy
 * of another name); returns their names.
 */
export function applyRetention(dir: string, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const files = catalog(dir);
  const keep = keepReasons(files, policy);
  const removed: string[] = [];
  for (const b of files) {
    if (keep.has(b.name)) continue;
    fs.rmSync(path.join(dir, b.name), { force: true });
    removed.push(b.name);
  }
  if (removed.length > 0) syncDir(dir);
  return removed;
}

/** Why a folder cannot take a copy right now, or null when it can. Never creates the folder itself: an unplugged drive's mount point must not fill up the system disk. */
export function folderProblem(folder: string): string | null {
  try {
    if (!path.isAbsolute(folder)) return 'it is not a full path';
    if (!fs.statSync(folder).isDirectory()) return 'it is not a folder';
    fs.accessSync(folder, fs.constants.W_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'it cannot be found (is the drive connected, the share online?)' : `it cannot be written (${code ?? 'error'})`;
  }
}

/**
 * Copies a verified backup into the second folder the same way it was made: a temporary name,
 * fsync, integrity_check of the copy, rename. A folder that cannot be reached is reported, never an
 * error: the backup in the data folder stands.
 */
export function copyToSecondFolder(backupFile: string, folder: string, policy: RetentionPolicy = DEFAULT_RETENTION): NonNullable<BackupResult['secondCopy']> {
  const target = path.join(folder, path.basename(backupFile));
  const problem = folderProblem(folder);
  if (problem) return { ok: false, path: folder, message: `The second backup folder ${folder} was not written: ${problem}. The backup is kept in the data folder.` };
  const partial = `${target}.partial`;
  try {
    fs.copyFileSync(backupFile, partial);
    const fd = fs.openSync(partial, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const copy = openSqlite(partial, { readonly: true, fileMustExist: true });
    try {
      const result = copy.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error('the copy failed its integrity check');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
    syncDir(folder);
    applyRetention(folder, policy);
    return { ok: true, path: target, message: null };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { ok: false, path: folder, message: `The second backup folder ${folder} was not written: ${why}. The backup is kept in the data folder.` };
  }
}

/**
 * One regular backup: the verified copy (db/backup.ts: temporary name, integrity_check and counts,
 * rename) with the wrapped key file inside, then retention, then the copy in the second folder.
 * Runs in the job worker, over the worker's own connection, so it reads one snapshot.
 */
export async function takeBackup(db: ReadableDb, input: TakeBackupInput): Promise<BackupResult> {
  const file = await backupDatabase(db, input.backupsDir, LABELS[input.reason], new Date(input.now), { keyFile: input.keyFile, snapshot: true });
  const policy = input.retention ?? DEFAULT_RETENTION;
  const removed = applyRetention(input.backupsDir, policy);
  const secondCopy = input.secondFolder ? copyToSecondFolder(file, input.secondFolder, policy) : null;
  return { backup: entryOf(file), secondCopy, removed };
}
