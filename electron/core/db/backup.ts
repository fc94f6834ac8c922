import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite.js';
import { syncDir } from '../platform/atomic-file.js';
import type { ReadableDb } from './connection.js';

export class BackupCheckError extends Error {}

/** A backup carries the wrapped key file it needs (still wrapped by the OS key store); see secrets/key-check.ts. */
export const BACKUP_KEY_FILE_SETTING = 'backup.key-file';

/** Row counts of every ordinary table, the figure a backup is checked against and the Backups page shows. */
export function tableCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'license_search_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

export interface BackupOptions {
  /** The data folder's key file: its wrapped bytes travel inside the backup, so a restore can open the keys. */
  keyFile?: string;
  /**
   * Copy from one read snapshot: for a connection that does not write itself (the job worker's)
   * while another may. Without it, a write on another connection between the copy and the count
   * would fail the check; inside the snapshot the copy and the counts see the same data.
   */
  snapshot?: boolean;
}

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** `<label>-<time>.sqlite` → its label and time, or null for a name backupDatabase did not make. */
export function parseBackupName(name: string): { label: string; takenAt: Date } | null {
  const m = /^(.+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/.exec(name);
  if (!m) return null;
  const takenAt = new Date(`${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z`);
  return Number.isNaN(takenAt.getTime()) ? null : { label: m[1]!, takenAt };
}

/**
 * Online-backup copy (never fs.copyFile of a live WAL database) to a temporary name, then checked
 * (integrity_check, and the same row counts as the source at that instant) and only then renamed to
 * `<label>-<time>.sqlite`. A crash while copying leaves a `.partial` file that nothing lists; a copy
 * that fails its check is removed and the caller is told.
 */
export async function backupDatabase(db: ReadableDb, dir: string, label: string, now = new Date(), options: BackupOptions = {}): Promise<string> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, `${label}-${stampOf(now)}.sqlite`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  let expected: Record<string, number>;
  if (options.snapshot) {
    // The first read opens the snapshot; the online backup then copies through this same connection.
    db.exec('BEGIN');
    try {
      expected = tableCounts(db);
      await db.backup(partial);
    } finally {
      db.exec('COMMIT');
    }
  } else {
    await db.backup(partial);
    // Taken synchronously right after the copy finished, before any other call can write.
    expected = tableCounts(db);
  }
  try {
    const copy = openSqlite(partial, { fileMustExist: true });
    try {
      // The copy inherits WAL mode; a rollback journal keeps each backup one self-contained file.
      copy.pragma('journal_mode = DELETE');
      copy.pragma('synchronous = FULL');
      const result = copy.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new BackupCheckError(`Backup ${path.basename(target)} failed its integrity check: ${String(result)}`);
      const got = tableCounts(copy);
      if (JSON.stringify(got) !== JSON.stringify(expected)) throw new BackupCheckError(`Backup ${path.basename(target)} does not hold the same rows as the data it copies.`);
      if (options.keyFile && fs.existsSync(options.keyFile) && expected.settings !== undefined) {
        copy
          .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
          .run(BACKUP_KEY_FILE_SETTING, JSON.stringify(fs.readFileSync(options.keyFile).toString('base64')));
      }
    } finally {
      copy.close();
    }
    const fd = fs.openSync(partial, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, target);
    syncDir(dir);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err instanceof BackupCheckError ? err : new BackupCheckError(`Backup ${path.basename(target)} could not be verified: ${(err as Error).message}`);
  }
  return target;
}

/** Time a backup was taken: from its name, else (a file named otherwise) its modification time. */
export function backupTakenAt(file: string): Date {
  return parseBackupName(path.basename(file))?.takenAt ?? fs.statSync(file).mtime;
}

/** Every finished backup in `dir` (never a `.partial` one), newest first by the time it was taken. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => ({ file: path.join(dir, f), at: backupTakenAt(path.join(dir, f)).getTime() }))
    .sort((a, b) => b.at - a.at || b.file.localeCompare(a.file))
    .map((f) => f.file);
}
