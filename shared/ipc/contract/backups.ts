import { z } from 'zod';
import { BackupList, BackupName, BackupResult, RestoreComparison, RestoreResult } from '../../domain/backups.js';
import { read, write } from './define.js';

export const backupsChannels = {
  'backups:list': read(z.undefined(), BackupList),
  /** "Back up now": a verified backup taken in the job worker, copied to the second folder if one is set. */
  'backups:create': write(z.undefined(), BackupResult),
  /** The system's folder dialog (the app) or the typed `path` (the browser host); null when cancelled. */
  'backups:chooseFolder': write(z.strictObject({ path: z.string().trim().min(1).max(1000).optional() }), BackupList.nullable()),
  'backups:clearFolder': write(z.undefined(), BackupList),
  /** What a backup holds against the current data: shown before a restore. */
  'backups:compare': read(z.strictObject({ name: BackupName }), RestoreComparison),
  'backups:restore': write(z.strictObject({ name: BackupName }), RestoreResult),
} as const;
