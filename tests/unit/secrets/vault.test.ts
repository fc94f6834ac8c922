import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../../electron/core/core.js';
import { createFakePlatform } from '../../../electron/core/platform/port.js';
import { openDatabase } from '../../../electron/core/db/connection.js';
import { migrate } from '../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { DB_FILE } from '../../../electron/core/db/store.js';
import { APP_ORIGIN, createSenderGuard } from '../../../electron/core/ipc/sender-guard.js';
import { NO_PROTECTION, VAULT_FILE, VaultLockedError, openVault, type KeyProtector } from '../../../electron/core/secrets/vault.js';
import { TempDirs } from '../../fixtures/builders.js';
import { DLS2_KEY, TRIAL_KEY } from '../../fixtures/keys.js';

const dirs = new TempDirs();
afterEach(() => dirs.cleanup());

// A stand-in for safeStorage: XOR with a byte, and a switch to make unwrapping fail.
function fakeProtector(byte: number, broken = false): KeyProtector {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ byte));
  return { kind: 'os', protect: xor, unprotect: (b) => (broken ? (() => { throw new Error('keyring changed'); })() : xor(b)) };
}

describe('vault', () => {
  it('seals and opens, with a fresh IV each time, and detects tampering', () => {
    const vault = openVault(dirs.make(), NO_PROTECTION);
    const a = vault.seal(DLS2_KEY);
    const b = vault.seal(DLS2_KEY);
    expect(a).not.toBe(b);
    expect(a).not.toContain(DLS2_KEY.slice(4, 30));
    expect(vault.open(a)).toBe(DLS2_KEY);
    const tampered = a.slice(0, -4) + (a.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => vault.open(tampered)).toThrow();
    expect(vault.fingerprint(DLS2_KEY)).toBe(vault.fingerprint(DLS2_KEY));
    expect(vault.fingerprint(DLS2_KEY)).not.toBe(vault.fingerprint(TRIAL_KEY));
  });

  it('keeps its data key in an owner-only file, wrapped by the protector, and reopens with it', () => {
    const dir = dirs.make();
    const first = openVault(dir, fakeProtector(0x5a));
    const sealed = first.seal(TRIAL_KEY);
    expect(fs.statSync(path.join(dir, VAULT_FILE)).mode & 0o777).toBe(0o600);
    expect(openVault(dir, fakeProtector(0x5a)).open(sealed)).toBe(TRIAL_KEY);
  });

  it('is locked, not replaced, when the protector cannot unwrap the key file', () => {
    const dir = dirs.make();
    openVault(dir, fakeProtector(0x5a));
    const before = fs.readFileSync(path.join(dir, VAULT_FILE));
    expect(() => openVault(dir, fakeProtector(0x5a, true))).toThrow(VaultLockedError);
    expect(fs.readFileSync(path.join(dir, VAULT_FILE))).toEqual(before);
  });
});

describe('license keys at rest', () => {
  async function core(dir: string) {
    return startCore({ dataDir: dir, appVersion: '0.0.0-test', dailyBackup: false, checkOutputs: true, isTrustedSender: createSenderGuard([APP_ORIGIN]), platform: createFakePlatform() });
  }
  const sender = { url: 'app://license-desk/index.html', isMainFrame: true };

  it('never stores a pasted key in clear; reveal returns it', async () => {
    const dir = dirs.make();
    const c = await core(dir);
    const imported = await c.dispatch('keys:import', { text: `${DLS2_KEY}\n${TRIAL_KEY}` }, sender);
    expect(imported.ok).toBe(true);
    const again = await c.dispatch('keys:check', { text: DLS2_KEY }, sender);
    expect(again.ok && (again.value as { outcome: string }[])[0]!.outcome).toBe('duplicate');
    const projects = await c.dispatch('projects:list', undefined, sender);
    const keyId = projects.ok ? (projects.value as { keys: { id: number }[] }[])[0]!.keys[0]!.id : 0;
    const revealed = await c.dispatch('keys:reveal', { id: keyId }, sender);
    expect(revealed).toEqual({ ok: true, value: { key: DLS2_KEY } });
    c.store.db.pragma('wal_checkpoint(TRUNCATE)');
    c.close();
    const bytes = fs.readFileSync(path.join(dir, DB_FILE)).toString('latin1');
    expect(bytes).not.toContain(DLS2_KEY.slice(4, 40));
    expect(bytes).not.toContain(TRIAL_KEY.slice(5, 40));
  });

  it('seals keys an earlier version stored in clear, on the next start', async () => {
    const dir = dirs.make();
    const old = openDatabase(path.join(dir, DB_FILE));
    migrate(old, MIGRATIONS, 4);
    old.prepare("INSERT INTO license_keys (kind, key_text, created_at) VALUES ('trial', ?, '2026-01-01T00:00:00.000Z')").run(TRIAL_KEY);
    old.close();
    const c = await core(dir);
    const row = c.store.db.prepare('SELECT key_text, key_masked, key_fingerprint FROM license_keys').get() as { key_text: string; key_masked: string; key_fingerprint: string };
    expect(row.key_text.startsWith('v1:')).toBe(true);
    expect(row.key_masked).toMatch(/^t006•+/);
    const keys = await c.dispatch('keys:unassigned', undefined, sender);
    expect(keys.ok && (keys.value as { summary: string }[]).map((k) => k.summary)).toEqual(['Trial key, 68-byte payload']);
    expect(await c.dispatch('keys:reveal', { id: 1 }, sender)).toEqual({ ok: true, value: { key: TRIAL_KEY } });
    c.close();
  });
});

describe('a locked key store', () => {
  it('keeps licenses working and answers LOCKED only where a key is needed, leaving the key file alone', async () => {
    const dir = dirs.make();
    const sender = { url: 'app://license-desk/index.html', isMainFrame: true };
    const start = (protector: KeyProtector) =>
      startCore({ dataDir: dir, appVersion: '0.0.0-test', dailyBackup: false, checkOutputs: true, isTrustedSender: createSenderGuard([APP_ORIGIN]), keyProtector: protector, platform: createFakePlatform() });
    const first = await start(fakeProtector(0x21));
    await first.dispatch('keys:import', { text: TRIAL_KEY }, sender);
    first.close();
    const keyFile = fs.readFileSync(path.join(dir, VAULT_FILE));

    const locked = await start(fakeProtector(0x21, true));
    expect((await locked.dispatch('licenses:list', { asOf: '2026-11-26' }, sender)).ok).toBe(true);
    const unassigned = await locked.dispatch('keys:unassigned', undefined, sender);
    expect(unassigned.ok && (unassigned.value as unknown[]).length).toBe(1);
    const reveal = await locked.dispatch('keys:reveal', { id: 1 }, sender);
    expect(reveal).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(!reveal.ok && reveal.error.message).toMatch(/cannot be unlocked/);
    expect(await locked.dispatch('keys:check', { text: TRIAL_KEY }, sender)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    locked.close();
    expect(fs.readFileSync(path.join(dir, VAULT_FILE))).toEqual(keyFile);

    const back = await start(fakeProtector(0x21));
    expect(await back.dispatch('keys:reveal', { id: 1 }, sender)).toEqual({ ok: true, value: { key: TRIAL_KEY } });
    back.close();
  });
});
