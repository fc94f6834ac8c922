import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/core.js';
import { createFakePlatform } from '../../../electron/core/platform/port.js';
import { backupDatabase } from '../../../electron/core/db/backup.js';
import { openDatabase } from '../../../electron/core/db/connection.js';
import { migrate } from '../../../electron/core/db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { DB_FILE, dataPaths } from '../../../electron/core/db/store.js';
import { APP_ORIGIN, createSenderGuard } from '../../../electron/core/ipc/sender-guard.js';
import { NO_PROTECTION, VAULT_FILE, openVault } from '../../../electron/core/secrets/vault.js';
import { sealLegacyKeys } from '../../../electron/core/services/projects/key-store.js';
import { encodeDls2 } from '../../../shared/keys/license-key.js';
import { TempDirs } from '../../fixtures/builders.js';
import { TRIAL_KEY } from '../../fixtures/keys.js';

const dirs = new TempDirs();
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  dirs.cleanup();
});

const SESSION_PASSWORD = 'Correct-Horse-Battery-9931';
const DLS2_WITH_PASSWORD = encodeDls2({
  handshakeCode: '100123456-100999888',
  organizationID: '100123456',
  mainServerURL: 'https://mdls.dynamsoftonline.com',
  sessionPassword: SESSION_PASSWORD,
});
/** Everything that must not be readable anywhere: whole keys, their base64 payloads, the session password. */
const SECRETS = [DLS2_WITH_PASSWORD, DLS2_WITH_PASSWORD.slice(4), TRIAL_KEY, TRIAL_KEY.slice(5), SESSION_PASSWORD];
// Also 20-character pieces, so a partial copy (a sample cut at a page edge) is caught too.
const NEEDLES = [...SECRETS, ...[DLS2_WITH_PASSWORD, TRIAL_KEY].flatMap((k) => [k.slice(10, 30), k.slice(40, 60)])];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Files (relative) and the needles each still contains. */
function leaks(dir: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of filesUnder(dir)) {
    const bytes = fs.readFileSync(file).toString('latin1');
    const hits = NEEDLES.filter((n) => bytes.includes(n));
    if (hits.length > 0) found[path.relative(dir, file)] = hits;
  }
  return found;
}

/**
 * A schema-4 data folder as the previous release left it: clear keys in license_keys, statistics
 * gathered by its open-time optimize (so sqlite_stat4 samples the UNIQUE key index), and a
 * pre-migration backup of its own; plus an unreadable backup file that still holds a key.
 */
async function schema4Folder(): Promise<string> {
  const dir = dirs.make();
  const paths = dataPaths(dir);
  const db = openDatabase(paths.dbFile);
  migrate(db, MIGRATIONS, 4);
  const insert = db.prepare("INSERT INTO license_keys (kind, key_text, session_password_set, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:00.000Z')");
  insert.run('dls2', DLS2_WITH_PASSWORD, 1);
  insert.run('trial', TRIAL_KEY, 0);
  db.exec('ANALYZE');
  await backupDatabase(db, paths.backupsDir, 'before-v4', new Date('2026-01-02T00:00:00Z'));
  db.close();
  fs.writeFileSync(path.join(paths.backupsDir, 'before-v3-2025-12-01T00-00-00-000Z.sqlite'), `half a backup ${TRIAL_KEY} and then nothing`);
  return dir;
}

// The backup before an upgrade is named after the newest migration it runs.
const UPGRADE_BACKUP = `before-v${LATEST_SCHEMA_VERSION}`;

const start = async (dir: string) => {
  const c = await startCore({ dataDir: dir, appVersion: '0.0.0-test', dailyBackup: false, checkOutputs: true, isTrustedSender: createSenderGuard([APP_ORIGIN]), platform: createFakePlatform() });
  cores.push(c);
  return c;
};
const sender = { url: 'app://license-desk/index.html', isMainFrame: true };

describe('upgrading a schema-4 folder to sealed keys', () => {
  it('the fixture really has the leaks the upgrade must remove (so the scan below can fail)', async () => {
    const dir = await schema4Folder();
    const db = new Database(path.join(dir, DB_FILE), { readonly: true });
    expect((db.prepare("SELECT count(*) AS n FROM sqlite_stat4 WHERE tbl = 'license_keys'").get() as { n: number }).n).toBeGreaterThan(0);
    db.close();
    expect(Object.keys(leaks(dir)).sort()).toEqual(['backups/before-v3-2025-12-01T00-00-00-000Z.sqlite', 'backups/before-v4-2026-01-02T00-00-00-000Z.sqlite', DB_FILE]);
  });

  it('leaves no key, payload or session password in any file of the data folder, open or closed', async () => {
    const dir = await schema4Folder();
    const c = await start(dir);
    expect(leaks(dir)).toEqual({});
    // Oldest version first: by number, as "v10" sorts before "v4" as text.
    const backups = fs.readdirSync(dataPaths(dir).backupsDir).sort((x, y) => Number(/-v(\d+)-/.exec(x)?.[1]) - Number(/-v(\d+)-/.exec(y)?.[1]));
    expect(backups).toEqual(['before-v4-2026-01-02T00-00-00-000Z.sqlite', expect.stringMatching(new RegExp(`^${UPGRADE_BACKUP}-.*\\.sqlite$`))]);
    expect(c.notices).toEqual([
      // Names are listed in text order, so with two-digit versions the upgrade backup may come first.
      expect.stringMatching(new RegExp(`^2 backups made by an earlier version held license keys unencrypted \\((before-v4-.*, ${UPGRADE_BACKUP}-.*|${UPGRADE_BACKUP}-.*, before-v4-.*)\\); the keys in them are now encrypted`)),
      'before-v3-2025-12-01T00-00-00-000Z.sqlite held license keys unencrypted and could not be read as a database, so it was overwritten and removed.',
    ]);
    const info = await c.dispatch('app:info', undefined, sender);
    expect(info.ok && (info.value as { notices: string[] }).notices).toEqual(c.notices);
    // Statistics exist again (the list planner needs them), gathered from sealed rows.
    expect((c.store.db.prepare("SELECT count(*) AS n FROM sqlite_stat1 WHERE tbl = 'license_keys'").get() as { n: number }).n).toBeGreaterThan(0);
    expect(await c.dispatch('keys:reveal', { id: 2 }, sender)).toEqual({ ok: true, value: { key: TRIAL_KEY } });
    c.close();
    expect(leaks(dir)).toEqual({});
  });

  it('runs once: the next start rewrites nothing and says nothing', async () => {
    const dir = await schema4Folder();
    (await start(dir)).close();
    const stamp = (f: string) => fs.statSync(f).mtimeMs;
    const backupFiles = filesUnder(dataPaths(dir).backupsDir);
    const before = backupFiles.map(stamp);
    const again = await start(dir);
    expect(again.notices).toEqual([]);
    expect(backupFiles.map(stamp)).toEqual(before);
    again.close();
    expect(leaks(dir)).toEqual({});
  });

  it('a resealed backup still restores, with every key revealable', async () => {
    const dir = await schema4Folder();
    (await start(dir)).close();
    const restored = dirs.make();
    const backup = filesUnder(dataPaths(dir).backupsDir).find((f) => path.basename(f).startsWith(`${UPGRADE_BACKUP}-`))!;
    fs.copyFileSync(backup, path.join(restored, DB_FILE));
    fs.copyFileSync(path.join(dir, VAULT_FILE), path.join(restored, VAULT_FILE));
    const c = await start(restored);
    const keys = c.store.db.prepare('SELECT id, key_masked, key_summary FROM license_keys ORDER BY id').all() as { id: number; key_masked: string; key_summary: string }[];
    expect(keys.map((k) => k.key_summary)).toEqual(['Online key (DLS2) for project 100123456-100999888', 'Trial key, 68-byte payload']);
    expect(keys.every((k) => k.key_masked.includes('•'))).toBe(true);
    expect(await c.dispatch('keys:reveal', { id: 1 }, sender)).toEqual({ ok: true, value: { key: DLS2_WITH_PASSWORD } });
    c.close();
    expect(leaks(restored)).toEqual({});
  });

  it('a folder the previous release already upgraded (sealed rows, clear keys in stat4, in the file and in a later backup) is cleaned too', async () => {
    const dir = await schema4Folder();
    const paths = dataPaths(dir);
    fs.rmSync(path.join(paths.backupsDir, 'before-v3-2025-12-01T00-00-00-000Z.sqlite'));
    const db = openDatabase(paths.dbFile);
    migrate(db, MIGRATIONS, 5);
    // The previous release's order: statistics first, then sealing.
    db.exec('ANALYZE');
    sealLegacyKeys(db, openVault(dir, NO_PROTECTION));
    await backupDatabase(db, paths.backupsDir, 'before-v6', new Date('2026-02-01T00:00:00Z'));
    db.close();
    expect(Object.keys(leaks(dir))).toContain('backups/before-v6-2026-02-01T00-00-00-000Z.sqlite');
    expect(Object.keys(leaks(dir))).toContain(DB_FILE);
    const c = await start(dir);
    expect(leaks(dir)).toEqual({});
    c.close();
    expect(leaks(dir)).toEqual({});
  });
});
