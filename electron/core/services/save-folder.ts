import { writeTransaction, type WritableDb } from '../db/connection.js';
import { AppError } from '../errors.js';
import type { PlatformPort, SaveFolderPort } from '../platform/port.js';
import type { SaveFolderInfo } from '../../../shared/ipc/contract/settings.js';

const KEY = 'files.saveFolder';

/**
 * The folder the browser host saves files to, named in Settings (the Electron app asks with a save
 * dialog for each file instead, and has none). Kept in the database with the other settings; the
 * host's platform checks a folder before it is kept (it exists, it is a folder, it can be written).
 */
export function createSaveFolderService(db: WritableDb, platform: () => PlatformPort | null) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');

  const folders = (): SaveFolderPort | null => {
    const p = platform();
    return p?.saveTarget === 'folder' && p.saveFolder ? p.saveFolder : null;
  };
  /** The folder named in Settings, or null for the platform's default. */
  const chosen = (): string | null => {
    const row = get.get(KEY) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as string) : null;
  };
  const info = (): SaveFolderInfo => {
    const f = folders();
    if (!f) return { applies: false, chosen: null, inUse: null, defaultFolder: null };
    const c = chosen();
    const fallback = f.fallback();
    return { applies: true, chosen: c, inUse: c ?? fallback, defaultFolder: fallback };
  };

  return {
    chosen,
    info,
    /** Keeps a checked folder (its whole path), or goes back to the default with null. */
    async set(folder: string | null): Promise<SaveFolderInfo> {
      if (folder === null) {
        writeTransaction(db, () => remove.run(KEY));
        return info();
      }
      const f = folders();
      if (!f) throw new AppError('INVALID_INPUT', 'License Desk asks where to save each file here, so there is no save folder to set.');
      const checked = await f.check(folder);
      writeTransaction(db, () => put.run(KEY, JSON.stringify(checked)));
      return info();
    },
  };
}
export type SaveFolderService = ReturnType<typeof createSaveFolderService>;
