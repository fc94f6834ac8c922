import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../electron/core/core.js';
import { APPLICATION_ID, StoreOpenError, dataPaths, openStore } from '../../../electron/core/db/store.js';
import { createFakePlatform } from '../../../electron/core/platform/port.js';
import { APP_ORIGIN, createSenderGuard } from '../../../electron/core/ipc/sender-guard.js';
import { TempDirs, newLicenseInput } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';

const dirs = new TempDirs();
const cores: Core[] = [];
const mounts: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const m of mounts.splice(0)) {
    execFileSync('umount', [m]);
    fs.rmdirSync(m);
  }
  dirs.cleanup();
});

const sender = { url: 'app://license-desk/index.html', isMainFrame: true };
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const DISK_FULL = { code: 'DISK_FULL', message: 'The disk is full: free space and try again; nothing was changed.' };

async function start(dir: string): Promise<Core> {
  const c = await startCore({ dataDir: dir, appVersion: '0.0.0-test', dailyBackup: false, checkOutputs: true, isTrustedSender: createSenderGuard([APP_ORIGIN]), platform: createFakePlatform() });
  cores.push(c);
  return c;
}

/** A small tmpfs (root or CAP_SYS_ADMIN); null, said loudly, where the machine refuses to mount one. */
function tmpfs(size: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    console.warn(`SKIPPED (not passed): cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]})`);
    fs.rmdirSync(dir);
    return null;
  }
  mounts.push(dir);
  return dir;
}

describe('disk full', () => {
  it('a write answers the disk-full message and changes nothing (max_page_count)', async () => {
    const { db } = await openStore(dirs.make());
    try {
      const api = testApi(db);
      await api.call('licenses:create', newLicenseInput({ itemId: '400001' }));
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      const errors: unknown[] = [];
      for (let i = 0; i < 400 && errors.length === 0; i++) {
        const r = await api.dispatch('licenses:create', newLicenseInput({ itemId: String(410000 + i), notes: 'x'.repeat(2000) }), sender);
        if (!r.ok) errors.push(r.error);
      }
      expect(errors).toEqual([DISK_FULL]);
      expect(db.inTransaction).toBe(false);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('on a full filesystem the app still starts (read-only, saying the disk is full), lists licenses, and works again once space is freed', async () => {
    const mount = tmpfs('3m');
    if (!mount) return;
    const dir = path.join(mount, 'data');
    const first = await start(dir);
    await first.dispatch('licenses:create', newLicenseInput({ itemId: '420001' }), sender);
    await first.close();
    const filler = path.join(mount, 'filler');
    const fd = fs.openSync(filler, 'w');
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(64 * 1024));
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
    const c = await start(dir);
    expect(c.notices[0]).toBe('The disk is full, so License Desk is open read-only: every license can be seen, but nothing can be changed. Free space, then restart License Desk.');
    const list = await c.dispatch('licenses:list', { asOf: '2026-07-10' }, sender);
    expect(list.ok && (list.value as { total: number }).total).toBe(1);
    const refused = await c.dispatch('licenses:create', newLicenseInput({ itemId: '420002' }), sender);
    expect(refused).toEqual({ ok: false, error: { code: 'READ_ONLY', message: `Nothing was changed. ${c.notices[0]}` } });
    await cores.pop()!.close();
    fs.rmSync(filler);
    const again = await start(dir);
    expect(again.notices).toEqual([]);
    expect((await again.dispatch('licenses:create', newLicenseInput({ itemId: '420002' }), sender)).ok).toBe(true);
  });
});

describe('read-only', () => {
  it('a data folder on a read-only disk starts read-only: licenses visible, a banner notice, writes refused clearly, no file changed', async () => {
    const mount = tmpfs('8m');
    if (!mount) return;
    const dir = path.join(mount, 'data');
    const first = await start(dir);
    await first.dispatch('licenses:create', newLicenseInput({ itemId: '430001' }), sender);
    await first.close();
    execFileSync('mount', ['-o', 'remount,ro', mount]);
    const before = sha256(dataPaths(dir).dbFile);
    const c = await start(dir);
    expect(c.notices[0]).toMatch(/^License Desk cannot write to its data folder .* so it is open read-only: every license can be seen/);
    const info = await c.dispatch('app:info', undefined, sender);
    expect(info.ok && (info.value as { notices: string[] }).notices[0]).toBe(c.notices[0]);
    const list = await c.dispatch('licenses:list', { asOf: '2026-07-10' }, sender);
    expect(list.ok && (list.value as { rows: { itemId: string }[] }).rows.map((r) => r.itemId)).toEqual(['430001']);
    const refused = await c.dispatch('licenses:create', newLicenseInput({ itemId: '430002' }), sender);
    expect(refused).toEqual({ ok: false, error: { code: 'READ_ONLY', message: `Nothing was changed. ${c.notices[0]}` } });
    await cores.pop()!.close();
    expect(sha256(dataPaths(dir).dbFile)).toBe(before);
    execFileSync('mount', ['-o', 'remount,rw', mount]);
  });
});

describe('the open-time checks', () => {
  it("another program's SQLite file is refused and left byte-identical; ours gets the application id", async () => {
    const dir = dirs.make();
    const foreign = new Database(dataPaths(dir).dbFile);
    foreign.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine');");
    foreign.close();
    const before = sha256(dataPaths(dir).dbFile);
    const err = await openStore(dir).then(
      (s) => s.db.close(),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreOpenError);
    expect((err as StoreOpenError).failure).toEqual({ kind: 'foreign', message: expect.stringMatching(/is a database of another program, not License Desk's\. It was left untouched/) });
    expect(sha256(dataPaths(dir).dbFile)).toBe(before);

    const ours = await openStore(dirs.make());
    expect(ours.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    ours.db.close();
  });

  it('index damage that quick_check misses is caught at open, and the file is quarantined', async () => {
    const dir = dirs.make();
    const s = await openStore(dir);
    const api = testApi(s.db);
    for (let i = 0; i < 50; i++) await api.call('licenses:create', newLicenseInput({ itemId: String(440000 + i), productCode: i % 2 ? 'DBR' : 'DWT' }));
    s.db.close();
    // Swap two indexes' root pages: each b-tree stays well-formed (quick_check passes) but no longer matches its table.
    const raw = new Database(dataPaths(dir).dbFile);
    raw.unsafeMode(true);
    const root = (name: string) => (raw.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(name) as { rootpage: number }).rootpage;
    const [a, b] = [root('license_items_expires'), root('license_items_project')];
    raw.pragma('writable_schema = ON');
    raw.prepare('UPDATE sqlite_master SET rootpage = ? WHERE name = ?').run(b, 'license_items_expires');
    raw.prepare('UPDATE sqlite_master SET rootpage = ? WHERE name = ?').run(a, 'license_items_project');
    raw.pragma('writable_schema = OFF');
    raw.close();
    const check = new Database(dataPaths(dir).dbFile, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    check.close();
    const err = await openStore(dir).then(
      (st) => st.db.close(),
      (e: unknown) => e,
    );
    expect((err as StoreOpenError).failure).toMatchObject({ kind: 'corrupt' });
    expect(fs.existsSync(dataPaths(dir).dbFile)).toBe(false);
  });
});
