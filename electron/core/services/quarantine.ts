import fs from 'node:fs';
import path from 'node:path';
import { plainFileNameProblem, type QuarantinedFile, type QuarantineList } from '../../../shared/domain/quarantine.js';
import type { ReadableDb } from '../db/connection.js';
import { dataPaths } from '../db/store.js';
import { AppError } from '../errors.js';
import { holdsClearKey, quarantineNotice } from '../secrets/quarantine-keys.js';

/** `file` is inside `dir` (not `dir` itself, not a sibling that merely starts with the same letters). */
function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The data folder's quarantine/ (electron/core/db/store.ts moves a damaged data file there and never
 * deletes it): its files with size, time and whether they hold clear license keys, and deleting one
 * by name when the user no longer needs it. Only regular files are listed or deleted: a link is not
 * something the app put there, and is never followed.
 */
export function createQuarantineService(db: ReadableDb, dataDir: string) {
  const dir = dataPaths(dataDir).quarantineDir;
  // Reading a file for clear keys reads all of it (a data file can be hundreds of MB), on the thread
  // that answers IPC, and every page's notice asks for the list. A quarantined file is never written
  // again, so each is read once per size and time.
  const scanned = new Map<string, { bytes: number; mtimeMs: number; clear: boolean }>();
  const holdsClearKeyOnce = (name: string, file: string, st: fs.Stats): boolean => {
    const known = scanned.get(name);
    if (known && known.bytes === st.size && known.mtimeMs === st.mtimeMs) return known.clear;
    const clear = holdsClearKey(file);
    scanned.set(name, { bytes: st.size, mtimeMs: st.mtimeMs, clear });
    return clear;
  };

  function files(): QuarantinedFile[] {
    if (!fs.existsSync(dir)) return [];
    const out: QuarantinedFile[] = [];
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      const st = fs.lstatSync(file, { throwIfNoEntry: false });
      if (!st?.isFile()) continue;
      out.push({ name, bytes: st.size, modifiedAt: st.mtime.toISOString(), holdsClearKeys: holdsClearKeyOnce(name, file, st) });
    }
    return out.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
  }

  function list(): QuarantineList {
    const all = files();
    const clear = all.filter((f) => f.holdsClearKeys).map((f) => f.name).sort();
    return { folder: dir, files: all, notice: quarantineNotice(clear, dir) };
  }

  /** The file `name` names, checked: a plain name, a regular file in the folder once every link is resolved. */
  function located(name: string): string {
    const problem = plainFileNameProblem(name);
    if (problem) throw new AppError('INVALID_INPUT', `${problem}; nothing was deleted.`, [{ path: 'name', message: problem }]);
    const missing = new AppError('NOT_FOUND', `There is no quarantined file named ${name}; nothing was deleted.`);
    if (!fs.existsSync(dir)) throw missing;
    const file = path.join(dir, name);
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!st) throw missing;
    const realDir = fs.realpathSync(dir);
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      throw missing;
    }
    if (!isInside(real, realDir)) throw new AppError('INVALID_INPUT', `${name} leads outside the quarantine folder; nothing was deleted.`);
    if (!st.isFile()) throw missing;
    return file;
  }

  return {
    list,
    delete(name: string): QuarantineList {
      const file = located(name);
      // The delete's audit entry is written after it (no transaction holds a file), so a store open
      // read-only (a full disk, an unwritable data file) refuses first rather than delete unrecorded.
      if (db.readonly || db.pragma('query_only', { simple: true }) === 1) {
        throw new AppError('READ_ONLY', `${name} was not deleted: the data is open read-only, so the deletion could not be recorded in the audit log.`);
      }
      try {
        fs.unlinkSync(file);
        scanned.delete(name);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (code === 'ENOENT') throw new AppError('NOT_FOUND', `There is no quarantined file named ${name}; nothing was deleted.`);
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AppError('READ_ONLY', `${name} could not be deleted: the quarantine folder cannot be written (${code}).`);
        throw err;
      }
      return list();
    },
  };
}
export type QuarantineService = ReturnType<typeof createQuarantineService>;
