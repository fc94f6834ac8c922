import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatePortalRows } from '../../../bench/generate.js';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { createJobRunner } from '../../../electron/core/jobs/runner.js';
import { createStagedImports } from '../../../electron/core/jobs/staged.js';
import type { JobProgress } from '../../../shared/ipc/events.js';
import { FIXED_AS_OF, TempDirs, countRows, newLicenseInput } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';
import { suggestMapping } from '../../../electron/core/import/columns.js';
import { TEST_WORKER_FILE } from '../../support/build-worker.js';

const tmp = new TempDirs();
const MAPPING = suggestMapping(generatePortalRows(1).headers);
let store: OpenedStore;
let logs: string[];
let workers: Worker[];
let progress: JobProgress[];
let api: ReturnType<typeof testApi>;

beforeEach(async () => {
  store = await openStore(tmp.make());
  logs = [];
  workers = [];
  progress = [];
  api = testApi(store.db, undefined, undefined, { log: (m) => logs.push(m), onSpawn: (w) => void workers.push(w) });
  api.core.events.subscribe((name, p) => name === 'job:progress' && progress.push(p as JobProgress));
});
afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

const big = generatePortalRows(6000, 11).text;
const TABLES = ['license_items', 'license_history', 'usage_snapshots', 'import_batches', 'license_search'];
const rowCounts = () => Object.fromEntries(TABLES.map((t) => [t, countRows(store.db, t)]));

async function stage(text = big, fileName = 'portal.csv') {
  return api.call('import:stage', { format: 'csv', fileName, text });
}

/** Resolves with the first progress event that matches. */
function when(match: (p: JobProgress) => boolean): Promise<JobProgress> {
  return new Promise((resolve) => {
    const off = api.core.events.subscribe((name, p) => {
      if (name === 'job:progress' && match(p as JobProgress)) {
        off();
        resolve(p as JobProgress);
      }
    });
  });
}

async function stillAnswers() {
  const created = await api.call('licenses:create', newLicenseInput({ itemId: '990001' }));
  expect(created.itemId).toBe('990001');
  expect((await api.call('licenses:list', { asOf: FIXED_AS_OF, search: '990001' })).total).toBe(1);
}

describe('job runner: import in a worker thread', () => {
  it('imports off the IPC thread, reporting phases with rows done of total and a rate', async () => {
    const s = await stage();
    const report = await api.call('import:commit', { stagedId: s.stagedId, mapping: MAPPING, mode: 'all-or-nothing' });
    expect(report).toMatchObject({ written: true, counts: { imported: 6000, rejected: 0 } });
    expect(countRows(store.db, 'license_items')).toBe(6000);
    const mine = progress.filter((p) => p.ref === s.stagedId && p.kind === 'import');
    expect(mine[0]).toMatchObject({ state: 'waiting' });
    expect(mine.at(-1)).toMatchObject({ state: 'done', phase: 'done' });
    const phases = [...new Set(mine.map((p) => p.phase))];
    expect(phases).toEqual(expect.arrayContaining(['starting', 'reading', 'checking', 'writing', 'finishing', 'done']));
    const writing = mine.filter((p) => p.phase === 'writing');
    expect(writing.every((p) => p.total === 6000 && p.done <= 6000)).toBe(true);
    // The staged file is let go once imported: a second commit says so in words.
    const again = await api.fail('import:commit', { stagedId: s.stagedId, mapping: MAPPING, mode: 'all-or-nothing' });
    expect(again.code).toBe('NOT_FOUND');
    expect(again.message).toMatch(/no longer held for import.*Choose the file again/);
  });

  it('cancel while writing: CANCELLED, nothing written, and the app still answers', async () => {
    const before = rowCounts();
    const s = await stage();
    const writing = when((e) => e.phase === 'writing' && e.done > 0);
    const running = api.fail('import:commit', { stagedId: s.stagedId, mapping: MAPPING, mode: 'all-or-nothing' });
    const p = await writing;
    expect((await api.call('jobs:cancel', { jobId: p.jobId })).cancelled).toBe(true);
    expect(await running).toEqual({ code: 'CANCELLED', message: 'The import was cancelled. Nothing was written.' });
    expect(rowCounts()).toEqual(before);
    expect(progress.at(-1)).toMatchObject({ jobId: p.jobId, state: 'cancelled' });
    await stillAnswers();
    // The staged file stays: importing again runs to the end.
    expect((await api.call('import:commit', { stagedId: s.stagedId, mapping: MAPPING, mode: 'all-or-nothing' })).counts.imported).toBe(6000);
  });

  it('one write job at a time: a second waits visibly, can be cancelled while waiting, and writes after the first', async () => {
    const a = await stage();
    // Rows past the first file's: item ids 104006000 on, so every row is new.
    const tail = (from: number, to: number) => {
      const lines = generatePortalRows(to, 11).text.split('\n');
      return [lines[0], ...lines.slice(from + 1, to + 1)].join('\n');
    };
    const b = await stage(tail(6000, 6300), 'other.csv');
    const c = await stage(tail(6300, 6500), 'third.csv');
    const waitingEvent = when((e) => e.ref === b.stagedId && e.state === 'waiting');
    const first = api.call('import:commit', { stagedId: a.stagedId, mapping: MAPPING, mode: 'all-or-nothing' });
    const second = api.fail('import:commit', { stagedId: b.stagedId, mapping: MAPPING, mode: 'all-or-nothing' });
    const third = api.call('import:commit', { stagedId: c.stagedId, mapping: MAPPING, mode: 'all-or-nothing' });
    const waiting = await waitingEvent;
    expect(waiting.message).toBe('Waiting for the import that is running to finish.');
    expect((await api.call('jobs:active', undefined)).map((j) => [j.ref, j.state])).toEqual([
      [a.stagedId, 'running'],
      [b.stagedId, 'waiting'],
      [c.stagedId, 'waiting'],
    ]);
    // A plain write on the IPC thread meanwhile is refused at once, not left blocking on the job's transaction.
    const refused = await api.fail('licenses:create', newLicenseInput({ itemId: '990002' }));
    expect(refused.code).toBe('CONFLICT');
    expect(await api.call('jobs:cancel', { jobId: waiting.jobId })).toEqual({ cancelled: true });
    expect((await second).code).toBe('CANCELLED');
    expect((await first).counts.imported).toBe(6000);
    expect((await third).counts.imported).toBe(200);
    expect((await first).counts.rejected).toBe(0);
    expect(countRows(store.db, 'license_items')).toBe(6200);
    expect(await api.call('jobs:cancel', { jobId: waiting.jobId })).toEqual({ cancelled: false });
  });

  it('staging a file starts the write lane\'s worker ahead of the commit, which then runs on it', async () => {
    expect(workers).toHaveLength(0);
    const s = await stage(generatePortalRows(50, 3).text);
    expect(workers).toHaveLength(1);
    await stage(generatePortalRows(60, 4).text);
    expect(workers).toHaveLength(1);
    expect((await api.call('import:commit', { stagedId: s.stagedId, mapping: MAPPING, mode: 'all-or-nothing' })).counts.imported).toBe(50);
    expect(workers).toHaveLength(1);
  });

  it('the reminders list has a lane of its own: it does not wait behind a backup running in the read lane', async () => {
    const s = await stage();
    await api.call('import:commit', { stagedId: s.stagedId, mapping: MAPPING, mode: 'all-or-nothing' });
    progress.length = 0;
    const backupRunning = when((p) => p.kind === 'backup' && p.state === 'running');
    const backup = api.call('backups:create', undefined);
    await backupRunning;
    const count = await api.call('reminders:count', { asOf: FIXED_AS_OF });
    expect(count.count).toBeGreaterThan(0);
    await backup;
    const reminders = progress.filter((p) => p.kind === 'reminders');
    const backups = progress.filter((p) => p.kind === 'backup');
    // Asked for while the backup ran, and not told to wait for it.
    expect(progress.indexOf(reminders[0]!)).toBeLessThan(progress.indexOf(backups.at(-1)!));
    expect(reminders[0]).toMatchObject({ state: 'waiting', message: null });
    expect(reminders.at(-1)).toMatchObject({ state: 'done' });
  });

  it('a worker killed mid-import: a clear message, nothing written, logged by channel and phase only, and the next job gets a new worker', async () => {
    const before = rowCounts();
    const s = await stage();
    const writing = when((e) => e.phase === 'writing' && e.done > 0);
    const running = api.fail('import:commit', { stagedId: s.stagedId, mapping: MAPPING, mode: 'all-or-nothing' });
    await writing;
    expect(workers).toHaveLength(1);
    await workers[0]!.terminate();
    const e = await running;
    expect(e.code).toBe('INTERNAL');
    expect(e.message).toBe('The import stopped unexpectedly while writing. Nothing was written. License Desk is still working: try again.');
    expect(logs.filter((l) => l.startsWith('[jobs]'))).toEqual(['[jobs] worker exited with code 1 during import:commit (writing)']);
    expect(rowCounts()).toEqual(before);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await stillAnswers();
    expect((await api.call('import:commit', { stagedId: s.stagedId, mapping: MAPPING, mode: 'all-or-nothing' })).counts.imported).toBe(6000);
    expect(workers).toHaveLength(2);
  });

  it('a worker that cannot start fails its job clearly and logs no payload', async () => {
    const failing: string[] = [];
    const runner = createJobRunner({ dbFile: store.paths.dbFile, workerFile: `${TEST_WORKER_FILE}.missing.cjs`, log: (m) => failing.push(m) });
    const job = runner.run({ task: 'import.preview', input: { now: new Date().toISOString(), source: { format: 'csv', fileName: 'secret-name.csv', text: 'Item Id\n1' } }, kind: 'import', writes: false, channel: 'import:preview' });
    await expect(job.result).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/^The import stopped unexpectedly while starting\. Nothing was written\./) });
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatch(/^\[jobs\] worker (failed|exited).* during import:preview \(starting\)$/);
    expect(failing.join()).not.toContain('secret-name');
    await runner.close();
  });
});

describe('staged imports', () => {
  it('expire after their time unused and then say so in words', () => {
    let now = 0;
    const staged = createStagedImports({ now: () => now, ttlMs: 1000 });
    const s = staged.stage({ format: 'csv', fileName: 'a.csv', text: 'x' });
    now = 900;
    expect(staged.get(s.stagedId).text).toBe('x');
    now = 1800; // still held: the last use pushed the expiry back
    expect(staged.get(s.stagedId).fileName).toBe('a.csv');
    now = 2801;
    expect(() => staged.get(s.stagedId)).toThrow(/no longer held for import/);
    staged.close();
  });

  it('hold at most three files; the oldest goes first', () => {
    const staged = createStagedImports();
    const ids = [1, 2, 3, 4].map((n) => staged.stage({ format: 'csv', fileName: `${n}.csv`, text: String(n) }).stagedId);
    expect(() => staged.get(ids[0]!)).toThrow(/no longer held/);
    expect(staged.get(ids[3]!).text).toBe('4');
    staged.close();
  });
});
