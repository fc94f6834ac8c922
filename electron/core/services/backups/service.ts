import path from 'node:path';
import {
  BackupSettings,
  DEFAULT_BACKUP_SETTINGS,
  type BackupList,
  type BackupPlace,
  type RestoreComparison,
  type RestoreResult,
} from '../../../../shared/domain/backups.js';
import { writeTransaction, type WritableDb } from '../../db/connection.js';
import { openSqlite } from '../../db/sqlite.js';
import { backupIsSound } from '../../db/restore.js';
import { VAULT_FILE } from '../../secrets/vault.js';
import { AppError } from '../../errors.js';
import type { PlatformPort } from '../../platform/port.js';
import { catalog, entryOf, mergedCatalog } from './catalog.js';
import { readSecondFolderFile, writeSecondFolderFile } from './second-folder.js';
import { DEFAULT_RETENTION } from './retention.js';
import { summarize } from './summary.js';
import { folderProblem } from './take.js';

export interface BackupServiceDeps {
  /** The store's data folder; its `backups/` holds the backups. */
  dataDir: string;
  platform: PlatformPort | null;
  /** Swaps a backup in and reopens the store (core.ts); absent where no core runs around the services. */
  restore?: (backupFile: string) => Promise<RestoreResult>;
}

const SETTING = 'backups';

/** `folder` is `dir` or below it (a sibling that merely starts with the same letters is not). */
function isInside(folder: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(folder));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The Backups section's calls over the store's connection: the list with ages and sizes, the second
 * folder (a JSON row in `settings`, validated like the others: a stored value today's schema refuses
 * falls back to the default), the comparison a restore shows first, and the restore itself. Taking a
 * backup runs in the job worker (jobs/services.ts → take.ts).
 */
export function createBackupService(db: WritableDb, deps: BackupServiceDeps) {
  const backupsDir = path.join(deps.dataDir, 'backups');
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  /**
   * The store's setting; a store without one (new, or started empty after the data file was found
   * damaged) takes the folder from the side file beside it (second-folder.ts), so its copies are listed.
   */
  function settings(): BackupSettings {
    const row = get.get(SETTING) as { value: string } | undefined;
    if (!row) return { ...DEFAULT_BACKUP_SETTINGS, secondFolder: readSecondFolderFile(deps.dataDir) };
    let stored: unknown;
    try {
      stored = row ? JSON.parse(row.value) : null;
    } catch {
      stored = null;
    }
    const parsed = BackupSettings.safeParse({ ...DEFAULT_BACKUP_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) });
    return parsed.success ? parsed.data : { ...DEFAULT_BACKUP_SETTINGS };
  }

  function list(): BackupList {
    const second = settings().secondFolder;
    const problem = second ? folderProblem(second) : null;
    return {
      backups: mergedCatalog(backupsDir, second),
      folder: backupsDir,
      secondFolder: second ? { path: second, reachable: problem === null, message: problem ? `The second backup folder cannot be used now: ${problem}.` : null } : null,
      folderChoice: deps.platform?.folderChoice ?? 'typed',
      retention: DEFAULT_RETENTION,
    };
  }

  function setSecondFolder(folder: string | null): BackupList {
    const next = BackupSettings.parse({ ...settings(), secondFolder: folder });
    if (next.secondFolder && isInside(next.secondFolder, deps.dataDir)) {
      throw new AppError('INVALID_INPUT', 'The second backup folder must be outside the data folder: it is there for when the data folder is lost.', [{ path: 'path', message: 'Outside the data folder' }]);
    }
    writeTransaction(db, () => put.run(SETTING, JSON.stringify(next)));
    mirrorSecondFolder();
    return list();
  }

  /** The side file follows the store's setting; failing to write it (a full disk) leaves the setting in the store. */
  function mirrorSecondFolder(): void {
    if (!get.get(SETTING)) return;
    try {
      writeSecondFolderFile(deps.dataDir, settings().secondFolder);
    } catch {
      // Only the damaged-store offer misses the second folder until the next change or start.
    }
  }

  /** A backup by name: from the folder asked for, else the data folder's copy, else the second folder's. */
  function find(name: string, from?: BackupPlace): { file: string; from: BackupPlace } {
    const second = settings().secondFolder;
    const folders: [BackupPlace, string][] = [['data', backupsDir]];
    if (second) folders.push(['second', second]);
    for (const [place, dir] of folders) {
      if (from && from !== place) continue;
      if (catalog(dir).some((b) => b.name === name)) return { file: path.join(dir, name), from: place };
    }
    const where = from === 'second' ? (second ?? 'the second folder') : from === 'data' || !second ? backupsDir : `${backupsDir} or ${second}`;
    throw new AppError('NOT_FOUND', `The backup ${name} was not found in ${where}.`);
  }

  return {
    settings,
    list,
    backupsDir,
    /** The key file each backup carries (wrapped, as on disk). */
    keyFile: path.join(deps.dataDir, VAULT_FILE),
    async chooseSecondFolder(typed: string | undefined): Promise<BackupList | null> {
      if (!deps.platform) throw new AppError('INTERNAL', 'Choosing a folder is not available here.');
      const folder = await deps.platform.chooseFolder({ title: 'Second backup folder', typed });
      return folder === null ? null : setSecondFolder(folder);
    },
    clearSecondFolder: () => setSecondFolder(null),
    mirrorSecondFolder,
    compare(name: string, from?: BackupPlace): RestoreComparison {
      const found = find(name, from);
      const { file } = found;
      // Checked every time it is offered: a copy on a USB drive or a share may have been damaged since.
      if (!backupIsSound(file)) {
        throw new AppError('INVALID_INPUT', `The backup ${name}${found.from === 'second' ? ' in the second folder' : ''} failed its integrity check (damaged or only partly copied), so it cannot be restored. It was left as it is.`);
      }
      let inBackup;
      try {
        const copy = openSqlite(file, { readonly: true, fileMustExist: true });
        try {
          inBackup = summarize(copy);
        } finally {
          copy.close();
        }
      } catch {
        throw new AppError('INVALID_INPUT', `The backup ${name} cannot be read as License Desk data; it was left as it is.`);
      }
      return { backup: entryOf(file), from: found.from, inBackup, current: summarize(db) };
    },
    async restore(name: string, from?: BackupPlace): Promise<RestoreResult> {
      const { file } = find(name, from);
      if (!deps.restore) throw new AppError('INTERNAL', 'Restoring is not available here.');
      return deps.restore(file);
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
