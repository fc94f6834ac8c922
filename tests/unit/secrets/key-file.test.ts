import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/core.js';
import { createFakePlatform } from '../../../electron/core/platform/port.js';
import { BACKUP_KEY_FILE_SETTING, backupDatabase } from '../../../electron/core/db/backup.js';
import { dataPaths } from '../../../electron/core/db/store.js';
import { APP_ORIGIN, createSenderGuard } from '../../../electron/core/ipc/sender-guard.js';
import { VAULT_FILE, type KeyProtector } from '../../../electron/core/secrets/vault.js';
import { TempDirs } from '../../fixtures/builders.js';
import { DLS2_KEY, TRIAL_KEY } from '../../fixtures/keys.js';

const dirs = new TempDirs();
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  dirs.cleanup();
});

const sender = { url: 'app://license-desk/index.html', isMainFrame: true };
const xorProtector = (byte: number): KeyProtector => {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ byte));
  return { kind: 'os', protect: xor, unprotect: xor };
};

async function start(dir: string, keyProtector?: KeyProtector) {
  const c = await startCore({ dataDir: dir, appVersion: '0.0.0-test', dailyBackup: false, checkOutputs: true, isTrustedSender: createSenderGuard([APP_ORIGIN]), keyProtector, platform: createFakePlatform() });
  cores.push(c);
  return c;
}

const keyFile = (dir: string) => path.join(dir, VAULT_FILE);
const keyCount = (c: Core) => (c.store.db.prepare('SELECT count(*) AS n FROM license_keys').get() as { n: number }).n;

/** A folder with two pasted keys, closed. */
async function folderWithKeys(protector?: KeyProtector): Promise<string> {
  const dir = dirs.make();
  const c = await start(dir, protector);
  const r = await c.dispatch('keys:import', { text: `${DLS2_KEY}\n${TRIAL_KEY}` }, sender);
  expect(r.ok).toBe(true);
  c.close();
  return dir;
}

async function takeBackup(dir: string, protector?: KeyProtector): Promise<string> {
  const c = await start(dir, protector);
  const file = await backupDatabase(c.store.db, dataPaths(dir).backupsDir, 'daily', new Date('2026-07-01T00:00:00Z'), { keyFile: keyFile(dir) });
  c.close();
  return file;
}

const MISSING = 'The key file (vault.key) is missing: 2 stored keys cannot be opened; restore the key file from a backup. Nothing was deleted.';

describe('the key file', () => {
  it('is written whole (no temporary file left), owner-only, and a 0-byte one with no stored keys is simply made again', async () => {
    const dir = dirs.make();
    (await start(dir)).close();
    expect(fs.readdirSync(dir).filter((f) => f.includes('vault'))).toEqual([VAULT_FILE]);
    expect(fs.statSync(keyFile(dir)).mode & 0o777).toBe(0o600);
    fs.writeFileSync(keyFile(dir), '');
    const c = await start(dir);
    expect(c.notices).toEqual([]);
    expect(fs.statSync(keyFile(dir)).size).toBe(32);
    expect((await c.dispatch('keys:import', { text: TRIAL_KEY }, sender)).ok).toBe(true);
  });

  it('missing, with stored keys and no backup: locked with a message that says so, nothing made, no duplicate on re-paste', async () => {
    const dir = await folderWithKeys();
    fs.rmSync(keyFile(dir));
    const c = await start(dir);
    expect(c.notices).toEqual([MISSING]);
    expect(fs.existsSync(keyFile(dir))).toBe(false);
    expect(await c.dispatch('keys:reveal', { id: 1 }, sender)).toEqual({ ok: false, error: { code: 'LOCKED', message: MISSING } });
    expect(await c.dispatch('keys:import', { text: TRIAL_KEY }, sender)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(keyCount(c)).toBe(2);
    expect((await c.dispatch('licenses:list', { asOf: '2026-11-26' }, sender)).ok).toBe(true);
  });

  it('0 bytes (a crash during its write) with stored keys: named as damaged, not blamed on the key store', async () => {
    const dir = await folderWithKeys();
    fs.writeFileSync(keyFile(dir), '');
    const c = await start(dir);
    expect(c.notices).toEqual(['The key file (vault.key) is damaged: 2 stored keys cannot be opened; restore the key file from a backup. Nothing was deleted.']);
    expect(fs.statSync(keyFile(dir)).size).toBe(0);
  });

  it('replaced by another folder\'s key file: detected by the key check value and named', async () => {
    const dir = await folderWithKeys();
    const other = dirs.make();
    (await start(other)).close();
    fs.copyFileSync(keyFile(other), keyFile(dir));
    const c = await start(dir);
    expect(c.notices).toEqual(['The key file was replaced: 2 stored keys cannot be opened; restore the key file from a backup. Nothing was deleted.']);
    expect(fs.readFileSync(keyFile(dir))).toEqual(fs.readFileSync(keyFile(other)));
  });

  it('replaced, in a database from before key check values: found by trying a stored key, and the check is recorded once the right key is back', async () => {
    const dir = await folderWithKeys();
    const original = fs.readFileSync(keyFile(dir));
    const db = new Database(dataPaths(dir).dbFile);
    db.prepare("DELETE FROM settings WHERE key = 'vault.key-check'").run();
    db.close();
    const other = dirs.make();
    (await start(other)).close();
    fs.copyFileSync(keyFile(other), keyFile(dir));
    expect((await start(dir)).notices).toEqual([expect.stringMatching(/^The key file was replaced: 2 stored keys/)]);
    cores.pop()!.close();
    fs.writeFileSync(keyFile(dir), original);
    const c = await start(dir);
    expect(c.notices).toEqual([]);
    expect(c.store.db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'vault.key-check'").get()).toEqual({ n: 1 });
  });

  it('travels inside every backup, wrapped as on disk', async () => {
    const protector = xorProtector(0x3c);
    const dir = await folderWithKeys(protector);
    const backup = new Database(await takeBackup(dir, protector), { readonly: true });
    const row = backup.prepare('SELECT value FROM settings WHERE key = ?').get(BACKUP_KEY_FILE_SETTING) as { value: string };
    backup.close();
    expect(Buffer.from(JSON.parse(row.value) as string, 'base64')).toEqual(fs.readFileSync(keyFile(dir)));
  });

  it('missing or replaced, with a backup: put back from the backup (the replaced file kept aside), keys open, re-paste is a duplicate', async () => {
    const protector = xorProtector(0x3c);
    const dir = await folderWithKeys(protector);
    const original = fs.readFileSync(keyFile(dir));
    const backup = path.basename(await takeBackup(dir, protector));
    fs.rmSync(keyFile(dir));
    const c = await start(dir, protector);
    expect(c.notices).toEqual([`The key file (vault.key) was missing; it was restored from the backup ${backup}, and every stored key opens again.`]);
    expect(fs.readFileSync(keyFile(dir))).toEqual(original);
    expect(await c.dispatch('keys:reveal', { id: 2 }, sender)).toEqual({ ok: true, value: { key: TRIAL_KEY } });
    const again = await c.dispatch('keys:import', { text: TRIAL_KEY }, sender);
    expect(again.ok && (again.value as { checks: { outcome: string }[] }).checks.map((k) => k.outcome)).toEqual(['duplicate']);
    expect(keyCount(c)).toBe(2);
    c.close();

    fs.writeFileSync(keyFile(dir), protector.protect(Buffer.alloc(32, 1)));
    const d = await start(dir, protector);
    expect(d.notices).toEqual([expect.stringMatching(/^The key file \(vault.key\) had been replaced by another one; it was restored from the backup/)]);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('vault.key.replaced-'))).toHaveLength(1);
    expect(await d.dispatch('keys:reveal', { id: 1 }, sender)).toEqual({ ok: true, value: { key: DLS2_KEY } });
  });
});
