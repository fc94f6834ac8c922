import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE } from '../../../electron/core/db/store.js';
import { SECOND_FOLDER_FILE } from '../../../electron/core/services/backups/second-folder.js';
import type { BackupList, BackupResult, RestoreComparison } from '../../../shared/domain/backups.js';
import { itemIdFor, newLicenseInput } from '../../fixtures/builders.js';
import { SENDER as sender, call, coreHarness, licenseCount } from './core-harness.js';

const { dirs, start, closeLast } = coreHarness();


/** A store with two licenses, a second folder, and one manual backup copied to both folders. */
async function storeWithSecondCopy() {
  const dir = dirs.make();
  const second = dirs.make();
  const c = await start(dir);
  await call(c, 'licenses:create', newLicenseInput({ itemId: itemIdFor(1) }));
  await call(c, 'licenses:create', newLicenseInput({ itemId: itemIdFor(2) }));
  await call(c, 'backups:chooseFolder', { path: second });
  const taken = await call<BackupResult>(c, 'backups:create');
  expect(taken.secondCopy?.ok).toBe(true);
  return { dir, second, c, backup: taken.backup.name };
}

describe('the second folder', () => {
  it("lists its copies with where each one is, and a copy that is only there can be compared and restored", async () => {
    const { dir, second, c, backup } = await storeWithSecondCopy();
    let list = await call<BackupList>(c, 'backups:list');
    expect(list.backups.map((b) => [b.name, b.places])).toEqual([[backup, ['data', 'second']]]);
    // The data folder's copy is lost (its disk failed); the one on the drive stays.
    fs.rmSync(path.join(dir, 'backups', backup));
    await call(c, 'licenses:create', newLicenseInput({ itemId: itemIdFor(3) }));
    list = await call<BackupList>(c, 'backups:list');
    const only = list.backups.find((b) => b.name === backup)!;
    expect(only.places).toEqual(['second']);
    expect(only.kept).toContain('newest');

    const cmp = await call<RestoreComparison>(c, 'backups:compare', { name: backup });
    expect(cmp.from).toBe('second');
    expect([cmp.inBackup.licenses, cmp.current.licenses]).toEqual([2, 3]);
    await call(c, 'backups:restore', { name: backup, from: 'second' });
    expect(await licenseCount(c)).toBe(2);
    // The copy on the drive is read, never changed.
    expect(fs.existsSync(path.join(second, backup))).toBe(true);
  });

  it('a damaged copy in the second folder is refused when it is compared, and nothing changes', async () => {
    const { second, c, backup } = await storeWithSecondCopy();
    const file = path.join(second, backup);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, 4096), Buffer.alloc(bytes.length - 4096, 0x5a)]));
    const r = await c.dispatch('backups:compare', { name: backup, from: 'second' }, sender);
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: `The backup ${backup} in the second folder failed its integrity check (damaged or only partly copied), so it cannot be restored. It was left as it is.` } });
    const restore = await c.dispatch('backups:restore', { name: backup, from: 'second' }, sender);
    expect(restore.ok).toBe(false);
    expect(await licenseCount(c)).toBe(2);
    // Asking for the second folder's copy of a name only the data folder has is a clear miss.
    fs.rmSync(file);
    const miss = await c.dispatch('backups:compare', { name: backup, from: 'second' }, sender);
    expect(miss.ok ? null : miss.error.code).toBe('NOT_FOUND');
  });

  it("with no backup left in the data folder, an emptied data file is set aside and the second folder's newest sound copy offered and restored", async () => {
    const { dir, second, backup } = await storeWithSecondCopy();
    expect(JSON.parse(fs.readFileSync(path.join(dir, SECOND_FOLDER_FILE), 'utf8'))).toEqual({ secondFolder: second });
    await closeLast();
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    // A newer copy on the drive that is damaged is passed over.
    fs.writeFileSync(path.join(second, 'manual-2026-07-11T00-00-00-000Z.sqlite'), 'not a database');
    for (const s of ['-wal', '-shm']) fs.rmSync(path.join(dir, DB_FILE + s), { force: true });
    fs.writeFileSync(path.join(dir, DB_FILE), '');

    const fresh = await start(dir);
    expect(fresh.restoreOffer).toEqual({ name: backup, takenAt: expect.any(String), from: 'second' });
    expect(fresh.notices.join(' ')).toContain('was empty (0 bytes)');
    // The new, empty store still knows the second folder, and lists what is there.
    const list = await call<BackupList>(fresh, 'backups:list');
    expect(list.secondFolder?.path).toBe(second);
    expect(list.backups.map((b) => b.places)).toEqual([['second'], ['second']]);
    await call(fresh, 'backups:restore', { name: backup, from: 'second' });
    expect(await licenseCount(fresh)).toBe(2);
  });

  it("a second folder that cannot be reached lists only the data folder's copies and says it is not reachable", async () => {
    const { second, c, backup } = await storeWithSecondCopy();
    fs.rmSync(second, { recursive: true });
    const list = await call<BackupList>(c, 'backups:list');
    expect(list.secondFolder?.reachable).toBe(false);
    expect(list.backups.map((b) => [b.name, b.places])).toEqual([[backup, ['data']]]);
  });

  it('a store set up before the side file gets one at its next start, so a later damaged start still finds the folder', async () => {
    const { dir, second } = await storeWithSecondCopy();
    await closeLast();
    fs.rmSync(path.join(dir, SECOND_FOLDER_FILE));
    await start(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, SECOND_FOLDER_FILE), 'utf8'))).toEqual({ secondFolder: second });
  });
});
