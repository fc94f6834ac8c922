import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startCore, type Core } from '../electron/core/core.js';
import { createFakePlatform } from '../electron/core/platform/port.js';
import type { ReminderCount, ReminderPage } from '../shared/domain/reminders.js';
import { generatePortalRows } from './generate.js';
import { baselineThroughSqlite } from './import-bench.js';
import { localIsoDate, median, round } from './stats.js';

/**
 * The reminders through the router on a filled store: the bell's `reminders:count` and the
 * notifications page's first page of `reminders:list` (the bell and the open pages ask after every
 * data change). The first call after a change works the due list out in the job worker; the figure that
 * matters is how long the thread that answers IPC is blocked meanwhile (`monitorEventLoopDelay`), not
 * the round trip. Run alone: `node dist/main/bench/reminders-bench.js [--out FILE] [rows…]` (after
 * `npm run build:main`) fills a store per size with the baseline's bulk insert; `--out` writes the
 * last size's figures into FILE as `reminders`, keeping what else it holds.
 */

export interface CallFigures {
  /** Round trip of the first call after a data change (the due list worked out). */
  coldMs: number;
  /** The longest the IPC thread was blocked while that call ran. */
  coldBlockMs: number;
  /**
   * How long in all the IPC thread was busy (not waiting for events) during that call
   * (`performance.eventLoopUtilization`): unlike the block, not counting time the thread waited for a core.
   */
  coldActiveMs: number;
  /**
   * The same measure over as long a wait with nothing to do on the thread, while the worker works the
   * list out: the machine's own noise (a thread not given a core), the floor for coldBlockMs.
   */
  idleBlockMs: number;
  /** Median of the calls after it, with nothing changed. */
  warmMs: number;
  /** Size of the answer as JSON, which the transport serializes on every call. */
  answerBytes: number;
}

export interface ReminderFigures {
  rows: number;
  due: number;
  /** The first page on a store just opened (the job worker started for it): round trip. */
  coldMs: number;
  /** Median of first-page calls after it, nothing changed. */
  warmMs: number;
  /** The first page's answer as JSON, in MB. */
  jsonMb: number;
  loadAverage: number[];
  count: CallFigures;
  firstPage: CallFigures;
  /** A dismiss, then the count and first page asked again, as the page does on its data:changed event. */
  afterDismiss: { dismissMs: number; refreshMs: number; blockMs: number };
}

const SENDER = { url: 'bench://reminders', isMainFrame: true };
const PAGE = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measured<T>(fn: () => Promise<T>): Promise<{ ms: number; blockMs: number; activeMs: number; value: T }> {
  // A 1 ms timer: each time it fires late, the thread was busy (or not given a core) for that long.
  // Its first tick only starts the clock, so it runs a little before the call; a block that ends with
  // the call is recorded only when the timer next gets to run, so it runs a little after too.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await sleep(5);
  const elu = performance.eventLoopUtilization();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const activeMs = performance.eventLoopUtilization(elu).active;
  await sleep(5);
  delay.disable();
  return { ms, blockMs: round(Math.max(0, delay.max / 1e6 - 1), 1), activeMs: round(activeMs, 1), value };
}

export async function benchReminders(dataDir: string, rows: number, runs = 10): Promise<ReminderFigures> {
  const core: Core = await startCore({ dataDir, appVersion: 'bench', isTrustedSender: () => true, checkOutputs: false, platform: createFakePlatform(), dailyBackup: false });
  try {
    const asOf = localIsoDate(new Date());
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await core.dispatch(channel, input, SENDER);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.value as T;
    };
    const count = () => call<ReminderCount>('reminders:count', { asOf });
    const firstPage = () => call<ReminderPage>('reminders:list', { asOf, offset: 0, limit: PAGE });
    const warm = async (fn: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) ms.push((await measured(fn)).ms);
      return round(median(ms), 3);
    };
    // A change to the store, as any write makes: the kept list no longer answers.
    const change = async () => {
      await call('reminders:updateSettings', await call('reminders:settings', undefined));
    };

    const opened = await measured(firstPage);
    const openedWarm = await warm(firstPage);

    const idle = async (ms: number) => {
      await change();
      // The worker works the list out (asked without waiting for it); this thread only waits.
      const asked = count();
      const floor = await measured(() => sleep(ms));
      await asked;
      return floor.blockMs;
    };
    const cold = async <T>(fn: () => Promise<T>) => {
      await change();
      const c = await measured(fn);
      const figures: CallFigures = { coldMs: round(c.ms, 1), coldBlockMs: c.blockMs, coldActiveMs: c.activeMs, idleBlockMs: await idle(c.ms), warmMs: await warm(fn), answerBytes: JSON.stringify(c.value).length };
      return { figures, value: c.value };
    };
    const countCold = await cold(count);
    const countFigures = countCold.figures;
    const pageCold = await cold(firstPage);
    const pageFigures = pageCold.figures;

    const target = pageCold.value.digests[0]?.reminders[0];
    let afterDismiss = { dismissMs: 0, refreshMs: 0, blockMs: 0 };
    if (target) {
      const dismissed = await measured(() => call('reminders:dismiss', { id: target.id, asOf }));
      const refreshed = await measured(() => Promise.all([count(), firstPage()]));
      afterDismiss = { dismissMs: round(dismissed.ms, 1), refreshMs: round(refreshed.ms, 1), blockMs: Math.max(dismissed.blockMs, refreshed.blockMs) };
    }
    return {
      rows,
      due: countCold.value.count,
      coldMs: round(opened.ms, 1),
      warmMs: openedWarm,
      jsonMb: round(JSON.stringify(opened.value).length / 1e6, 3),
      loadAverage: os.loadavg().map((x) => round(x, 2)),
      count: countFigures,
      firstPage: pageFigures,
      afterDismiss,
    };
  } finally {
    await core.close();
  }
}

export function describeReminders(f: ReminderFigures): string {
  const c = (name: string, x: CallFigures) =>
    `${name}: first call after a change ${x.coldMs} ms, IPC thread blocked at most ${x.coldBlockMs} ms (idle floor ${x.idleBlockMs} ms), busy ${x.coldActiveMs} ms in all; then ${x.warmMs} ms; ${x.answerBytes.toLocaleString('en-US')} bytes`;
  return [
    `${f.rows.toLocaleString('en-US')} items: ${f.due.toLocaleString('en-US')} due; first page on a store just opened ${f.coldMs} ms, then ${f.warmMs} ms`,
    `  ${c('reminders:count', f.count)}`,
    `  ${c(`reminders:list (first ${PAGE})`, f.firstPage)}`,
    `  dismiss ${f.afterDismiss.dismissMs} ms, count + first page after it ${f.afterDismiss.refreshMs} ms, IPC thread blocked at most ${f.afterDismiss.blockMs} ms`,
    `  load ${f.loadAverage.join(' ')}`,
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--out');
  const out = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !out) throw new Error('--out needs a file');
  const sizes = argv.filter((_, i) => i !== at && i !== at + 1).map(Number);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-bench-reminders-'));
  const clock = { now: () => new Date() };
  let last: ReminderFigures | null = null;
  try {
    for (const rows of sizes.length > 0 ? sizes : [10_000, 100_000]) {
      const dir = path.join(tmp, `store-${rows}`);
      await baselineThroughSqlite(dir, generatePortalRows(rows, 42, clock.now()).text, clock);
      last = await benchReminders(dir, rows);
      process.stdout.write(`${describeReminders(last)}\n`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (out && last) {
    const previous = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
    fs.writeFileSync(out, JSON.stringify({ ...previous, reminders: last }, null, 2));
    process.stdout.write(`Wrote reminders into ${path.resolve(out)}\n`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
