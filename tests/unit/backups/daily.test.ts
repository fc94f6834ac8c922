import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { BackupList, BackupResult } from '../../../shared/domain/backups.js';
import { fixedClock, newLicenseInput } from '../../fixtures/builders.js';
import { SENDER as sender, call, coreHarness } from './core-harness.js';

const { dirs, start: startWith, closeLast } = coreHarness();
const start = (dir: string, iso: string) => startWith(dir, { clock: fixedClock(iso), dailyBackup: true });

/** A local time on a given day, as the Clock gives it. */
const local = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h).toISOString();


/** A folder whose store holds one license, closed. */
async function folderWithData(): Promise<string> {
  const dir = dirs.make();
  const c = await start(dir, local(2026, 7, 1));
  expect(await c.dailyBackup).toBeNull(); // an empty new store is not copied
  await call(c, 'licenses:create', newLicenseInput());
  await closeLast();
  return dir;
}

const integrity = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};
const backupsIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort() : []);

describe('the daily backup', () => {
  it('is taken when the local day changes while the app stays open, once for that day', async () => {
    const dir = await folderWithData();
    let now = new Date(local(2026, 7, 2, 23));
    const c = await startWith(dir, { clock: { now: () => now }, dailyBackup: true });
    expect((await c.dailyBackup)?.backup.reason).toBe('daily');
    const dailies = () => backupsIn(path.join(dir, 'backups')).filter((f) => f.startsWith('daily-'));
    expect(dailies()).toHaveLength(1);

    now = new Date(local(2026, 7, 3, 0));
    c.events.emit('day:changed', { day: '2026-07-03' });
    await vi.waitFor(() => expect(dailies()).toHaveLength(2), { timeout: 10_000 });
    // The same day announced again (a wake from sleep) takes no second one.
    c.events.emit('day:changed', { day: '2026-07-03' });
    await new Promise((r) => setTimeout(r, 500));
    expect(dailies()).toHaveLength(2);
  });

  it('is taken on the first start of a local day only, in the job worker, verified and carrying the key file', async () => {
    const dir = await folderWithData();
    const first = await start(dir, local(2026, 7, 2, 8));
    const taken = (await first.dailyBackup)!;
    expect(taken.backup.reason).toBe('daily');
    const file = path.join(dir, 'backups', taken.backup.name);
    expect(integrity(file)).toBe('ok');
    const copy = new Database(file, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM license_items').get() as { n: number }).n).toBe(1);
    expect(copy.prepare("SELECT 1 FROM settings WHERE key = 'backup.key-file'").get()).toBeDefined();
    copy.close();
    expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.endsWith('.partial'))).toBe(false);
    await closeLast();

    // A later start the same day takes none; the next day's first start does.
    expect(await (await start(dir, local(2026, 7, 2, 23))).dailyBackup).toBeNull();
    await closeLast();
    const next = await start(dir, local(2026, 7, 3, 0));
    expect((await next.dailyBackup)?.backup.reason).toBe('daily');
    expect(backupsIn(path.join(dir, 'backups')).filter((f) => f.startsWith('daily-'))).toHaveLength(2);
  });

  it('runs as a backup job off the IPC thread: the store answers while it runs', async () => {
    const dir = await folderWithData();
    const c = await start(dir, local(2026, 7, 2));
    // Beside it, the desktop digest's look may be working out the reminders (a read job of its own kind).
    const jobs = c.jobs.active().filter((j) => j.kind !== 'reminders');
    expect(jobs.map((j) => j.kind)).toEqual(['backup']);
    // Answered before the backup job has finished.
    expect((await call<{ total: number }>(c, 'licenses:list', { asOf: '2026-07-02' })).total).toBe(1);
    expect(await c.dailyBackup).not.toBeNull();
  });

  it('thins old daily backups by the retention rule, leaving before-migration and manual ones', async () => {
    const dir = await folderWithData();
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    // Ten earlier days of daily backups (their content does not matter to the rule), and two others.
    for (let d = 10; d <= 19; d++) fs.writeFileSync(path.join(backups, `daily-2026-06-${d}T07-00-00-000Z.sqlite`), 'x');
    fs.writeFileSync(path.join(backups, 'before-v9-2026-05-01T07-00-00-000Z.sqlite'), 'x');
    fs.writeFileSync(path.join(backups, 'manual-2026-05-02T07-00-00-000Z.sqlite'), 'x');
    const c = await start(dir, local(2026, 7, 2));
    const result = (await c.dailyBackup)!;
    const left = backupsIn(backups);
    // Kept: 2 July and 14-19 June (7 days; their weeks and months are among them). 10-13 June go.
    expect(left.filter((f) => f.startsWith('daily-'))).toHaveLength(7);
    expect(left).not.toContain('daily-2026-06-13T07-00-00-000Z.sqlite');
    expect(left).toContain('before-v9-2026-05-01T07-00-00-000Z.sqlite');
    expect(left).toContain('manual-2026-05-02T07-00-00-000Z.sqlite');
    expect(left).toContain(result.backup.name);
    expect(result.removed.sort()).toEqual([10, 11, 12, 13].map((d) => `daily-2026-06-${d}T07-00-00-000Z.sqlite`));
  });
});

describe('the second backup folder', () => {
  it('gets a verified copy of every backup; when it cannot be reached that is reported, never fatal', async () => {
    const dir = await folderWithData();
    const second = path.join(dirs.make(), 'usb');
    fs.mkdirSync(second);
    let c = await start(dir, local(2026, 7, 2));
    await c.dailyBackup;
    const set = await call<BackupList>(c, 'backups:chooseFolder', { path: second });
    expect(set.secondFolder).toEqual({ path: second, reachable: true, message: null });
    const manual = await call<BackupResult>(c, 'backups:create');
    expect(manual.backup.reason).toBe('manual');
    expect(manual.secondCopy).toEqual({ ok: true, path: path.join(second, manual.backup.name), message: null });
    expect(integrity(path.join(second, manual.backup.name))).toBe('ok');
    expect(fs.readFileSync(path.join(second, manual.backup.name))).toEqual(fs.readFileSync(path.join(dir, 'backups', manual.backup.name)));
    await closeLast();

    // The drive is unplugged: the next day's backup is still taken, the copy is reported missing.
    fs.rmSync(second, { recursive: true });
    c = await start(dir, local(2026, 7, 3));
    const daily = (await c.dailyBackup)!;
    expect(daily.secondCopy?.ok).toBe(false);
    expect(daily.secondCopy?.message).toContain(`The second backup folder ${second} was not written: it cannot be found`);
    expect(fs.existsSync(path.join(dir, 'backups', daily.backup.name))).toBe(true);
    expect(fs.existsSync(second)).toBe(false); // never made in its place
    const info = await call<{ notices: string[] }>(c, 'app:info');
    expect(info.notices.some((n) => n.includes('was not written'))).toBe(true);
    const list = await call<BackupList>(c, 'backups:list');
    expect(list.secondFolder?.reachable).toBe(false);
    expect(list.backups.map((b) => b.reason)).toEqual(['daily', 'manual', 'daily']);
    expect((await call<BackupList>(c, 'backups:clearFolder')).secondFolder).toBeNull();
  });

  it('must be a full path outside the data folder', async () => {
    const dir = await folderWithData();
    const c = await start(dir, local(2026, 7, 2));
    const relative = await c.dispatch('backups:chooseFolder', { path: 'usb/backups' }, sender);
    expect(relative.ok || relative.error.code).toBe('INVALID_INPUT');
    const inside = await c.dispatch('backups:chooseFolder', { path: path.join(dir, 'backups') }, sender);
    expect(inside.ok || inside.error.message).toContain('outside the data folder');
    // A sibling whose name starts like the data folder's is outside it.
    const sibling = `${dir}-usb`;
    fs.mkdirSync(sibling);
    expect((await call<BackupList>(c, 'backups:chooseFolder', { path: sibling })).secondFolder?.path).toBe(sibling);
    fs.rmSync(sibling, { recursive: true });
  });

  it('a stored setting that no longer validates falls back to none', async () => {
    const dir = await folderWithData();
    const c = await start(dir, local(2026, 7, 2));
    c.store.db.prepare("INSERT INTO settings (key, value) VALUES ('backups', ?)").run(JSON.stringify({ secondFolder: 42 }));
    expect((await call<BackupList>(c, 'backups:list')).secondFolder).toBeNull();
  });
});
