import { z } from 'zod';
import { BackupList, BackupName, BackupPlace, BackupResult, RestoreComparison, RestoreResult } from '../../domain/backups.js';
import { read, write } from './define.js';

export const backupsChannels = {
  'backups:list': read(z.undefined(), BackupList),
  /** "Back up now": a verified backup taken in the job worker, copied to the second folder if one is set. */
  'backups:create': write(z.undefined(), BackupResult),
  /** The system's folder dialog (the app) or the typed `path` (the browser host); null when cancelled. */
  'backups:chooseFolder': write(z.strictObject({ path: z.string().trim().min(1).max(1000).optional() }), BackupList.nullable()),
  'backups:clearFolder': write(z.undefined(), BackupList),
  /**
   * What a backup holds against the current data, after integrity_check on the copy: shown before a
   * restore. `from` picks the folder; without it the data folder's copy, else the second folder's.
   */
  'backups:compare': read(z.strictObject({ name: BackupName, from: BackupPlace.optional() }), RestoreComparison),
  'backups:restore': write(z.strictObject({ name: BackupName, from: BackupPlace.optional() }), RestoreResult),
} as const;
