import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatePortalRows } from '../../../bench/generate.js';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { createJobRunner, type JobRunner } from '../../../electron/core/jobs/runner.js';
import { suggestMapping } from '../../../electron/core/import/columns.js';
import type { JobProgress } from '../../../shared/ipc/events.js';
import { LicenseView } from '../../../shared/domain/query.js';
import { DEFAULT_STATUS_SETTINGS } from '../../../shared/status/index.js';
import { FIXED_AS_OF, TempDirs, countRows } from '../../fixtures/builders.js';
import { TEST_WORKER_FILE } from '../../support/build-worker.js';

/**
 * The job runner on its own (no router): a worker that dies or throws something unexpected, and
 * cancels at the edges (before the worker has started, after the job has ended, on close).
 */

const tmp = new TempDirs();
let store: OpenedStore;
let runner: JobRunner;
let logs: string[];
let workers: Worker[];
let events: JobProgress[];

beforeEach(async () => {
  store = await openStore(tmp.make());
  logs = [];
  workers = [];
  events = [];
  runner = createJobRunner({
    dbFile: store.paths.dbFile,
    workerFile: TEST_WORKER_FILE,
    log: (m) => logs.push(m),
    onSpawn: (w) => void workers.push(w),
    onProgress: (p) => events.push(p),
  });
});
afterEach(async () => {
  await runner.close();
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

// A marker in the file name, the rows and the notes: it must never reach a log line.
const SECRET = 'ZQX-secret-row-text';
const rows = generatePortalRows(4000, 5);
const text = rows.text.replace(/Company_/g, `${SECRET}_`);
const MAPPING = suggestMapping(rows.headers);
const now = () => new Date(`${FIXED_AS_OF}T12:00:00Z`).toISOString();
const commit = () =>
  runner.run({
    task: 'import.commit',
    input: { now: now(), source: { format: 'csv', fileName: `${SECRET}.csv`, text, mapping: MAPPING, mode: 'all-or-nothing' } },
    kind: 'import',
    writes: true,
    channel: 'import:commit',
  });

function firstEvent(match: (p: JobProgress) => boolean): Promise<JobProgress> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const hit = events.find(match);
      if (hit) {
        clearInterval(timer);
        resolve(hit);
      }
    }, 5);
  });
}

describe('job runner: crashes', () => {
  it('a worker killed while checking rows: the job fails in words, nothing is written, the log names channel and phase only', async () => {
    const job = commit();
    await firstEvent((p) => p.phase === 'checking');
    await workers[0]!.terminate();
    await expect(job.result).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/^The import stopped unexpectedly while checking\. Nothing was written\./) });
    expect(logs).toEqual(['[jobs] worker exited with code 1 during import:commit (checking)']);
    expect(countRows(store.db, 'license_items')).toBe(0);
    expect(events.at(-1)).toMatchObject({ state: 'failed' });
  });

  it('an unexpected error inside the task: logged by channel, phase and error name, never its message; the worker serves the next job', async () => {
    // A source without text makes the parser throw a TypeError, not an AppError.
    const broken = runner.run({
      task: 'import.preview',
      input: { now: now(), source: { format: 'csv', fileName: `${SECRET}.csv`, text: undefined as unknown as string } },
      kind: 'import',
      writes: false,
      channel: 'import:preview',
    });
    await expect(broken.result).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/^The import failed on an unexpected error while /) });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^\[jobs\] import:preview failed while [a-z]+: [A-Za-z]*Error$/);
    expect(logs.join('\n')).not.toContain(SECRET);
    // Same worker, next job: it still answers.
    const preview = await runner.run({ task: 'import.preview', input: { now: now(), source: { format: 'csv', fileName: 'ok.csv', text } }, kind: 'import', writes: false, channel: 'import:preview' }).result;
    expect(preview.counts.read).toBe(4000);
    expect(workers).toHaveLength(1);
  });

  it('a worker killed during an export: the export fails in words and a later export runs on a new worker', async () => {
    const imported = await commit().result;
    expect(imported.counts.imported).toBe(4000);
    const view = LicenseView.parse({ asOf: FIXED_AS_OF });
    const exporting = () => runner.run({ task: 'export.licenses', input: { view, format: 'csv', settings: DEFAULT_STATUS_SETTINGS }, kind: 'export', writes: false, channel: 'licenses:export' });
    const first = exporting();
    await firstEvent((p) => p.kind === 'export' && p.state === 'running');
    const reader = workers.at(-1)!;
    await reader.terminate();
    await expect(first.result).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/^The export stopped unexpectedly while /) });
    expect(logs.at(-1)).toMatch(/^\[jobs\] worker exited with code \d+ during licenses:export \([a-z]+\)$/);
    expect((await exporting().result).rows).toBe(4000);
    expect(logs.join('\n')).not.toContain(SECRET);
  });
});

describe('job runner: cancel at the edges', () => {
  it('cancelled before its worker sent anything: CANCELLED, nothing written', async () => {
    const job = commit();
    expect(runner.cancel(job.jobId)).toBe(true);
    await expect(job.result).rejects.toMatchObject({ code: 'CANCELLED', message: 'The import was cancelled. Nothing was written.' });
    expect(countRows(store.db, 'license_items')).toBe(0);
  });

  it('a cancel after the job has ended changes nothing and says so', async () => {
    const job = commit();
    expect((await job.result).written).toBe(true);
    expect(runner.cancel(job.jobId)).toBe(false);
    expect(countRows(store.db, 'license_items')).toBe(4000);
  });

  it('closing while a job runs and another waits: both end in words, nothing is written, no worker is left', async () => {
    const running = commit();
    const waiting = commit();
    await firstEvent((p) => p.jobId === running.jobId && p.state === 'running');
    const ended = Promise.all([
      expect(running.result).rejects.toMatchObject({ code: 'INTERNAL', message: 'License Desk closed while the job ran. Nothing was written.' }),
      expect(waiting.result).rejects.toMatchObject({ code: 'INTERNAL', message: 'License Desk closed before the job started.' }),
    ]);
    await runner.close();
    await ended;
    expect(countRows(store.db, 'license_items')).toBe(0);
    expect(() => commit()).toThrow(/closing/);
  });
});
