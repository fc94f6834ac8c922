import { z } from 'zod';

/**
 * Why a backup was taken: the first start of a day, the user's "Back up now", before a schema
 * migration, before a restore replaced the data; `other` for a copy named some other way.
 */
export const BACKUP_REASONS = ['daily', 'manual', 'migration', 'restore', 'other'] as const;
export const BackupReason = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof BackupReason>;

/** A backup's file name in the backups folder: letters, digits and dashes, `.sqlite`; never a path. */
export const BackupName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.sqlite$/, 'Not the name of a backup')
  .max(160);

/** Where a copy of a backup is: the data folder's `backups/`, or the second folder the user chose. */
export const BackupPlace = z.enum(['data', 'second']);
export type BackupPlace = z.infer<typeof BackupPlace>;

/** One backup file: its name, why and when it was taken, its size. */
export const BackupFile = z.strictObject({
  name: BackupName,
  reason: BackupReason,
  /** ISO timestamp the backup was taken (from its name). */
  takenAt: z.string(),
  bytes: z.number().int().min(0),
});
export type BackupFile = z.infer<typeof BackupFile>;

/** A backup as the Backups section lists it: the file, where its copies are and why it is kept. */
export const BackupEntry = BackupFile.extend({
  /** The folders holding a copy under this name, the data folder first; one at least. */
  places: z.array(BackupPlace).min(1),
  /**
   * Why the retention rule keeps it ("newest", "daily: last 7 days", "before the update to v13");
   * empty when the next backup removes it.
   */
  kept: z.array(z.string()),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

/** The optional second place every backup is copied to (a share, a USB drive). */
export const BackupSettings = z.strictObject({
  secondFolder: z.string().trim().min(1).max(1000).nullable(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { secondFolder: null };

export const SecondFolderState = z.strictObject({
  path: z.string(),
  /** false when the folder cannot be written now (unplugged drive, share offline): then `message` says why. */
  reachable: z.boolean(),
  message: z.string().nullable(),
});
export type SecondFolderState = z.infer<typeof SecondFolderState>;

/** How a folder is chosen here: the system's folder dialog (the app), or a path typed in (the browser host). */
export const FolderChoice = z.enum(['dialog', 'typed']);
export type FolderChoice = z.infer<typeof FolderChoice>;

export const BackupList = z.strictObject({
  backups: z.array(BackupEntry),
  folder: z.string(),
  secondFolder: SecondFolderState.nullable(),
  folderChoice: FolderChoice,
  /** How many of each are kept: daily backups are thinned to this many days, weeks and months; the others to the newest few. */
  retention: z.strictObject({
    daily: z.number().int(),
    weekly: z.number().int(),
    monthly: z.number().int(),
    manual: z.number().int(),
    restore: z.number().int(),
    migration: z.number().int(),
  }),
});
export type BackupList = z.infer<typeof BackupList>;

/** What a store holds, in the figures a person checks before a restore. */
export const DataSummary = z.strictObject({
  licenses: z.number().int().min(0),
  projects: z.number().int().min(0),
  orders: z.number().int().min(0),
  usageReadings: z.number().int().min(0),
  /** The latest time anything in it was created or changed, or null for an empty store. */
  newestChange: z.string().nullable(),
  schemaVersion: z.number().int().min(0),
});
export type DataSummary = z.infer<typeof DataSummary>;

export const RestoreComparison = z.strictObject({
  backup: BackupFile,
  /** The copy that was read (and would be restored): integrity_check passed on it just now. */
  from: BackupPlace,
  inBackup: DataSummary,
  current: DataSummary,
});
export type RestoreComparison = z.infer<typeof RestoreComparison>;

export const BackupResult = z.strictObject({
  backup: BackupFile,
  /** The copy in the second folder, when one is set: `ok: false` with why it could not be written. */
  secondCopy: z.strictObject({ ok: z.boolean(), path: z.string(), message: z.string().nullable() }).nullable(),
  /** Backups removed from the data folder by the retention rule. */
  removed: z.array(z.string()),
});
export type BackupResult = z.infer<typeof BackupResult>;

export const RestoreResult = z.strictObject({
  restored: BackupFile,
  /** The backup taken of the data the restore replaced. */
  safetyBackup: z.string(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

/** A start offer: the newest verified backup, after the data file was found empty or damaged. */
export const RestoreOffer = z.strictObject({ name: BackupName, takenAt: z.string(), from: BackupPlace });
export type RestoreOffer = z.infer<typeof RestoreOffer>;
