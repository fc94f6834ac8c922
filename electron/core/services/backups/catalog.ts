import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupFile, BackupPlace, BackupReason } from '../../../../shared/domain/backups.js';
import { listBackups, parseBackupName } from '../../db/backup.js';
import { backupTakenAt } from '../../db/backup.js';
import { DEFAULT_RETENTION, retentionPlan, type RetentionPolicy } from './retention.js';

/** The label each reason's files start with (`<label>-<time>.sqlite`, db/backup.ts). */
export const LABELS = { daily: 'daily', manual: 'manual', restore: 'before-restore' } as const satisfies Partial<Record<BackupReason, string>>;

export function reasonOf(name: string): BackupReason {
  const label = parseBackupName(name)?.label;
  if (label === LABELS.daily) return 'daily';
  if (label === LABELS.manual) return 'manual';
  if (label === LABELS.restore) return 'restore';
  if (label && /^before-v\d+$/.test(label)) return 'migration';
  return 'other';
}

export function entryOf(file: string): BackupFile {
  const name = path.basename(file);
  return { name, reason: reasonOf(name), takenAt: backupTakenAt(file).toISOString(), bytes: fs.statSync(file).size };
}

/**
 * The finished backups in `dir`, newest first; a file that vanished while listing is left out, and
 * a folder that cannot be read (an unplugged drive, a share offline) lists nothing.
 */
export function catalog(dir: string): BackupFile[] {
  const entries: BackupFile[] = [];
  let files: string[];
  try {
    files = listBackups(dir);
  } catch {
    return [];
  }
  for (const file of files) {
    try {
      entries.push(entryOf(file));
    } catch {
      // Removed between the listing and the stat (retention in the worker): not a backup any more.
    }
  }
  return entries;
}

/** Each backup's keep reasons in its folder (retention.ts), as the next backup will judge them. */
export function keepReasons(files: readonly BackupFile[], policy: RetentionPolicy = DEFAULT_RETENTION): Map<string, string[]> {
  return retentionPlan(
    files.map((f) => ({ name: f.name, reason: f.reason, takenAt: new Date(f.takenAt) })),
    policy,
  );
}

/**
 * The data folder's backups and the second folder's, one entry per name (the same backup copied to
 * both is one entry in both places), newest first. Why it is kept is read from the data folder's
 * rule where it has a copy there, else from the second folder's.
 */
export function mergedCatalog(dataDir: string, secondDir: string | null, policy: RetentionPolicy = DEFAULT_RETENTION): BackupEntry[] {
  const folders: [BackupPlace, BackupFile[]][] = [['data', catalog(dataDir)]];
  if (secondDir) folders.push(['second', catalog(secondDir)]);
  const byName = new Map<string, BackupEntry>();
  for (const [place, files] of folders) {
    const reasons = keepReasons(files, policy);
    for (const f of files) {
      const seen = byName.get(f.name);
      if (seen) seen.places.push(place);
      else byName.set(f.name, { ...f, places: [place], kept: reasons.get(f.name) ?? [] });
    }
  }
  return [...byName.values()].sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}
