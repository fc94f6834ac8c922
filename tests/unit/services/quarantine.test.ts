import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReadableDb } from '../../../electron/core/db/connection.js';
import { openSqlite } from '../../../electron/core/db/sqlite.js';
import { AppError } from '../../../electron/core/errors.js';
import type { OpenedStore } from '../../../electron/core/db/store.js';
import { createQuarantineService } from '../../../electron/core/services/quarantine.js';
import { createVault } from '../../../electron/core/secrets/vault.js';
import { TempDirs } from '../../fixtures/builders.js';
import { eachFreshStore, type TestApi } from '../../fixtures/core.js';
import { DLS2_KEY, TRIAL_KEY } from '../../fixtures/keys.js';

const tmp = new TempDirs();
const dbs: ReadableDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  tmp.cleanup();
});

/** The service over a connection that can write (an empty in-memory store), or the one given. */
function service(dataDir: string, db: ReadableDb = openSqlite(':memory:') as ReadableDb) {
  dbs.push(db);
  return createQuarantineService(db, dataDir);
}

const OLD = 'license-desk.sqlite.2025-11-02T09-00-00-000Z';
const NEW = 'license-desk.sqlite.2026-05-20T10-30-00-000Z';

/** A data folder whose quarantine/ holds an old file with a clear DLS2 key and a newer one with sealed keys only. */
function dataDirWithQuarantine(): { dataDir: string; qdir: string } {
  const dataDir = tmp.make();
  const qdir = path.join(dataDir, 'quarantine');
  fs.mkdirSync(qdir);
  const vault = createVault(Buffer.alloc(32, 3), 'none');
  fs.writeFileSync(path.join(qdir, OLD), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(3000, 0), Buffer.from(DLS2_KEY, 'latin1')]));
  fs.writeFileSync(path.join(qdir, NEW), Buffer.from(`SQLite format 3\0 ${vault.seal(TRIAL_KEY)}`, 'latin1'));
  fs.utimesSync(path.join(qdir, OLD), new Date('2025-11-02T09:00:00Z'), new Date('2025-11-02T09:00:00Z'));
  fs.utimesSync(path.join(qdir, NEW), new Date('2026-05-20T10:30:00Z'), new Date('2026-05-20T10:30:00Z'));
  return { dataDir, qdir };
}

function appError(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

describe('the quarantine folder', () => {
  it('lists each file newest first with size, time and whether it holds clear keys, never its contents', () => {
    const { dataDir, qdir } = dataDirWithQuarantine();
    const list = service(dataDir).list();
    expect(list.folder).toBe(qdir);
    expect(list.files).toEqual([
      { name: NEW, bytes: fs.statSync(path.join(qdir, NEW)).size, modifiedAt: '2026-05-20T10:30:00.000Z', holdsClearKeys: false },
      { name: OLD, bytes: 3016 + DLS2_KEY.length, modifiedAt: '2025-11-02T09:00:00.000Z', holdsClearKeys: true },
    ]);
    expect(list.notice).toMatch(new RegExp(`^${OLD} in .*quarantine holds license keys unencrypted.*Settings → Quarantined files`));
    expect(JSON.stringify(list)).not.toContain(DLS2_KEY.slice(4, 40));
  });

  it('no folder, or no file with clear keys: an empty list or no notice', () => {
    expect(service(tmp.make()).list()).toMatchObject({ files: [], notice: null });
    const { dataDir, qdir } = dataDirWithQuarantine();
    fs.rmSync(path.join(qdir, OLD));
    expect(service(dataDir).list()).toMatchObject({ files: [{ name: NEW, holdsClearKeys: false }], notice: null });
  });

  it('deletes one file by name and answers the list without it; the others stay as they were', () => {
    const { dataDir, qdir } = dataDirWithQuarantine();
    const before = fs.readFileSync(path.join(qdir, NEW));
    const after = service(dataDir).delete(OLD);
    expect(fs.existsSync(path.join(qdir, OLD))).toBe(false);
    expect(after.files.map((f) => f.name)).toEqual([NEW]);
    expect(after.notice).toBeNull();
    expect(fs.readFileSync(path.join(qdir, NEW)).equals(before)).toBe(true);
  });

  it('refuses a name with a folder or "..", and a name that is not there, deleting nothing', () => {
    const { dataDir, qdir } = dataDirWithQuarantine();
    fs.writeFileSync(path.join(dataDir, 'x'), 'outside');
    fs.mkdirSync(path.join(qdir, 'a'));
    fs.writeFileSync(path.join(qdir, 'a', 'b'), 'below');
    const q = service(dataDir);
    for (const name of ['../x', 'a/b', '..\\x', '..', '', `${OLD}/`]) {
      const err = appError(() => q.delete(name));
      expect({ name, code: err.code }).toEqual({ name, code: 'INVALID_INPUT' });
      expect(err.message).toContain('nothing was deleted');
    }
    const absent = appError(() => q.delete('license-desk.sqlite.2020-01-01T00-00-00-000Z'));
    expect(absent.code).toBe('NOT_FOUND');
    expect(absent.message).toBe('There is no quarantined file named license-desk.sqlite.2020-01-01T00-00-00-000Z; nothing was deleted.');
    // A folder inside is not a quarantined file either.
    expect(appError(() => q.delete('a')).code).toBe('NOT_FOUND');
    expect(appError(() => service(tmp.make()).delete(OLD)).code).toBe('NOT_FOUND');
    expect(fs.readFileSync(path.join(dataDir, 'x'), 'utf8')).toBe('outside');
    expect(fs.readFileSync(path.join(qdir, 'a', 'b'), 'utf8')).toBe('below');
    expect(q.list().files.map((f) => f.name)).toEqual([NEW, OLD]);
  });

  it('a link to a file outside the folder is neither listed, read nor deleted, and what it points at stays', () => {
    const { dataDir, qdir } = dataDirWithQuarantine();
    const secret = path.join(tmp.make(), 'elsewhere.sqlite');
    fs.writeFileSync(secret, `keys ${TRIAL_KEY}`);
    fs.symlinkSync(secret, path.join(qdir, 'link.sqlite'));
    const q = service(dataDir);
    expect(q.list().files.map((f) => f.name)).toEqual([NEW, OLD]);
    const err = appError(() => q.delete('link.sqlite'));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toBe('link.sqlite leads outside the quarantine folder; nothing was deleted.');
    expect(fs.lstatSync(path.join(qdir, 'link.sqlite')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(secret, 'utf8')).toBe(`keys ${TRIAL_KEY}`);
  });

  it('a quarantine folder that is itself a link is resolved before the check, so its own files can go', () => {
    const dataDir = tmp.make();
    const real = tmp.make();
    fs.writeFileSync(path.join(real, OLD), DLS2_KEY);
    fs.symlinkSync(real, path.join(dataDir, 'quarantine'));
    const q = service(dataDir);
    expect(q.delete(OLD).files).toEqual([]);
    expect(fs.existsSync(path.join(real, OLD))).toBe(false);
  });
  it('a store open read-only refuses the delete before it happens: it could not be recorded', () => {
    const { dataDir, qdir } = dataDirWithQuarantine();
    const queryOnly = openSqlite(':memory:') as ReadableDb;
    queryOnly.pragma('query_only = ON');
    const file = path.join(tmp.make(), 'ro.sqlite');
    openSqlite(file).close();
    for (const db of [queryOnly, openSqlite(file, { readonly: true }) as ReadableDb]) {
      const err = appError(() => service(dataDir, db).delete(OLD));
      expect(err.code).toBe('READ_ONLY');
      expect(err.message).toBe(`${OLD} was not deleted: the data is open read-only, so the deletion could not be recorded in the audit log.`);
    }
    expect(fs.existsSync(path.join(qdir, OLD))).toBe(true);
  });
});

describe('quarantine channels', () => {
  let store: OpenedStore;
  let api: TestApi;
  eachFreshStore((s, a) => {
    store = s;
    api = a;
  });

  it('a delete leaves one audit entry naming the file, never its contents; the zod contract refuses a path', async () => {
    fs.mkdirSync(store.paths.quarantineDir, { recursive: true });
    fs.writeFileSync(path.join(store.paths.quarantineDir, OLD), `damaged ${TRIAL_KEY}`);
    expect((await api.call('quarantine:list', undefined)).files).toMatchObject([{ name: OLD, holdsClearKeys: true }]);
    expect((await api.call('quarantine:delete', { name: OLD })).files).toEqual([]);
    const entries = store.db.prepare("SELECT channel, subject, summary FROM audit_log WHERE kind = 'quarantine'").all() as { channel: string; subject: string; summary: string }[];
    expect(entries).toEqual([{ channel: 'quarantine:delete', subject: `quarantine:${OLD}`, summary: '{}' }]);
    expect(JSON.stringify(entries)).not.toContain(TRIAL_KEY.slice(5, 30));
    const refused = await api.fail('quarantine:delete', { name: '../license-desk.sqlite' });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'name', message: 'A file name has no folder in it (no / or \\)' }] });
    expect(await api.fail('quarantine:delete', { name: OLD })).toMatchObject({ code: 'NOT_FOUND' });
    expect(fs.existsSync(store.paths.dbFile)).toBe(true);
  });
});
