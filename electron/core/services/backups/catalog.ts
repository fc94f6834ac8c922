import fs from 'node:fs';
import path from 'node:path';
import type { BackupEntry, BackupReason } from '../../../../shared/domain/backups.js';
import { listBackups, parseBackupName } from '../../db/backup.js';
import { backupTakenAt } from '../../db/backup.js';

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

export function entryOf(file: string): BackupEntry {
  const name = path.basename(file);
  return { name, reason: reasonOf(name), takenAt: backupTakenAt(file).toISOString(), bytes: fs.statSync(file).size };
}

/** The finished backups in `dir`, newest first; a file that vanished while listing is left out. */
export function catalog(dir: string): BackupEntry[] {
  const entries: BackupEntry[] = [];
  for (const file of listBackups(dir)) {
    try {
      entries.push(entryOf(file));
    } catch {
      // Removed between the listing and the stat (retention in the worker): not a backup any more.
    }
  }
  return entries;
}
