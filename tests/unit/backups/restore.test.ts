import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core.js';
import { DB_FILE } from '../../../electron/core/db/store.js';
import type { BackupList, BackupResult, RestoreComparison, RestoreResult } from '../../../shared/domain/backups.js';
import { DATA_DOMAINS, type DataChanged } from '../../../shared/ipc/events.js';
import { itemIdFor, newLicenseInput } from '../../fixtures/builders.js';
import { TRIAL_KEY } from '../../fixtures/keys.js';
import { SENDER as sender, call, coreHarness, licenseCount, tickingClock } from './core-harness.js';

const { dirs, start: startWith, closeLast } = coreHarness();
const start = (dir: string, iso = '2026-07-10T09:00:00.000Z') => startWith(dir, { clock: tickingClock(iso) });


/** A store with two licenses and a pasted key, and a manual backup of it. */
async function storeWithBackup(): Promise<{ dir: string; c: Core; backup: string }> {
  const dir = dirs.make();
  const c = await start(dir);
  await call(c, 'licenses:create', newLicenseInput({ itemId: itemIdFor(1) }));
  await call(c, 'licenses:create', newLicenseInput({ itemId: itemIdFor(2) }));
  await call(c, 'keys:import', { text: TRIAL_KEY });
  const taken = await call<BackupResult>(c, 'backups:create');
  return { dir, c, backup: taken.backup.name };
}

describe('restoring a backup', () => {
  it('first shows what the backup holds against the current data', async () => {
    const { c, backup } = await storeWithBackup();
    await call(c, 'licenses:create', newLicenseInput({ itemId: itemIdFor(3) }));
    const cmp = await call<RestoreComparison>(c, 'backups:compare', { name: backup });
    expect(cmp.backup.reason).toBe('manual');
    expect(cmp.inBackup).toMatchObject({ licenses: 2, projects: 0, orders: 0, usageReadings: 0 });
    expect(cmp.current.licenses).toBe(3);
    expect(cmp.inBackup.newestChange).not.toBeNull();
    expect(cmp.inBackup.schemaVersion).toBe(cmp.current.schemaVersion);
  });

  it('backs up the current data, swaps the files, reopens the store and says every domain changed', async () => {
    const { dir, c, backup } = await storeWithBackup();
    const extra = await call<{ id: number }>(c, 'licenses:create', newLicenseInput({ itemId: itemIdFor(3) }));
    const changes: DataChanged[] = [];
    c.events.subscribe((name, p) => name === 'data:changed' && changes.push(p as DataChanged));

    const result = await call<RestoreResult>(c, 'backups:restore', { name: backup });
    expect(result.restored.name).toBe(backup);
    expect(result.safetyBackup).toMatch(/^before-restore-/);
    expect(await licenseCount(c)).toBe(2);
    expect((await c.dispatch('licenses:get', { id: extra.id }, sender)).ok).toBe(false);
    expect(changes.at(-1)?.domains.sort()).toEqual([...DATA_DOMAINS].sort());

    // The data it replaced is in the safety backup, verified and listed.
    const safety = new Database(path.join(dir, 'backups', result.safetyBackup), { readonly: true });
    expect(safety.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((safety.prepare('SELECT count(*) AS n FROM license_items').get() as { n: number }).n).toBe(3);
    safety.close();
    const list = await call<BackupList>(c, 'backups:list');
    expect(list.backups.map((b) => b.reason)).toEqual(['restore', 'manual']);

    // The reopened store works fully: writes, key reveal (the vault reopened), and nothing was left beside it.
    await call(c, 'licenses:create', newLicenseInput({ itemId: itemIdFor(4) }));
    expect(await licenseCount(c)).toBe(3);
    const keys = await call<{ id: number }[]>(c, 'keys:unassigned');
    expect(keys.length).toBe(1);
    expect((await call<{ key: string }>(c, 'keys:reveal', { id: keys[0]!.id })).key).toBe(TRIAL_KEY);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(DB_FILE))).toEqual(expect.arrayContaining([DB_FILE]));
    expect(fs.existsSync(path.join(dir, `${DB_FILE}.restoring`))).toBe(false);
    expect((c.store.db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'backup.key-file'").get() as { n: number }).n).toBe(0);

    // And a restart opens the restored data.
    await closeLast();
    const again = await start(dir);
    expect(await licenseCount(again)).toBe(3);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const { dir, c, backup } = await storeWithBackup();
    const file = path.join(dir, 'backups', backup);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, 4096), Buffer.alloc(bytes.length - 4096, 0x55)]));
    const before = fs.readdirSync(path.join(dir, 'backups'));
    const r = await c.dispatch('backups:restore', { name: backup }, sender);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('failed its integrity check');
    expect(await licenseCount(c)).toBe(2);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual(before);
  });

  it('refuses a name that is not a backup in the folder (no paths)', async () => {
    const { c } = await storeWithBackup();
    for (const name of ['../license-desk.sqlite', 'nope-2026-01-01T00-00-00-000Z.sqlite', '/etc/passwd']) {
      const r = await c.dispatch('backups:restore', { name }, sender);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(r.error.code);
    }
  });
});

describe('a lost or damaged store at start', () => {
  it('a 0-byte data file next to backups is moved aside (never deleted) and the newest sound backup offered; restoring it brings the data back', async () => {
    const { dir, c, backup } = await storeWithBackup();
    await closeLast();
    // A newer backup that is damaged is passed over for the offer.
    fs.writeFileSync(path.join(dir, 'backups', 'manual-2026-07-11T00-00-00-000Z.sqlite'), 'not a database');
    for (const s of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, DB_FILE + s), { force: true });
    fs.writeFileSync(path.join(dir, DB_FILE), '');
    void c;

    const fresh = await start(dir);
    expect(fresh.restoreOffer).toEqual({ name: backup, takenAt: expect.any(String), from: 'data' });
    const info = await call<{ notices: string[]; restoreOffer: { name: string } | null }>(fresh, 'app:info');
    expect(info.restoreOffer?.name).toBe(backup);
    expect(info.notices.join(' ')).toContain('was empty (0 bytes)');
    const aside = fs.readdirSync(path.join(dir, 'quarantine'));
    expect(aside).toHaveLength(1);
    expect(fs.statSync(path.join(dir, 'quarantine', aside[0]!)).size).toBe(0);
    expect(await licenseCount(fresh)).toBe(0);

    await call(fresh, 'backups:restore', { name: backup });
    expect(await licenseCount(fresh)).toBe(2);
    expect((await call<{ restoreOffer: unknown }>(fresh, 'app:info')).restoreOffer).toBeNull();
  });

  it('a damaged data file is quarantined byte-identical and the app starts with the backup offered', async () => {
    const { dir, backup } = await storeWithBackup();
    await closeLast();
    // The header stays (so it is read as License Desk's), the pages after it are overwritten.
    const file = path.join(dir, DB_FILE);
    const bytes = fs.readFileSync(file);
    const garbage = Buffer.concat([bytes.subarray(0, 4096), Buffer.alloc(bytes.length - 4096, 0x5a)]);
    fs.writeFileSync(file, garbage);
    const c = await start(dir);
    expect(c.restoreOffer?.name).toBe(backup);
    expect(c.notices.join(' ')).toContain('moved aside');
    const aside = fs.readdirSync(path.join(dir, 'quarantine')).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'));
    expect(fs.readFileSync(path.join(dir, 'quarantine', aside[0]!))).toEqual(garbage);
    await call(c, 'backups:restore', { name: backup });
    expect(await licenseCount(c)).toBe(2);
  });

  it('a 0-byte data file with no backup is a first start: nothing offered', async () => {
    const dir = dirs.make();
    fs.writeFileSync(path.join(dir, DB_FILE), '');
    const c = await start(dir);
    expect(c.restoreOffer).toBeNull();
    expect(fs.existsSync(path.join(dir, 'quarantine'))).toBe(false);
  });
});
