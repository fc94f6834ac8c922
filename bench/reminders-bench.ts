import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../electron/core/core.js';
import { createFakePlatform } from '../electron/core/platform/port.js';
import { generatePortalRows } from './generate.js';
import { baselineThroughSqlite } from './import-bench.js';
import { localIsoDate, median, round } from './stats.js';

/**
 * `reminders:list` through the router on a filled store (the bell and the notifications page ask it
 * after every data change): the first call after a change computes the due list, the next ones are
 * answered from what the service kept. Run alone: `node dist/main/bench/reminders-bench.js [rows…]`
 * (after `npm run build:main`) fills a store per size with the baseline's bulk insert.
 */

export interface ReminderFigures {
  rows: number;
  due: number;
  /** The first call on a store just opened: the whole computation. */
  coldMs: number;
  /** Median of the calls after it, with nothing changed. */
  warmMs: number;
  /** Size of the answer as JSON, which the transport serializes on every call. */
  jsonMb: number;
  loadAverage: number[];
}

const SENDER = { url: 'bench://reminders', isMainFrame: true };

export async function benchReminders(dataDir: string, rows: number, runs = 10): Promise<ReminderFigures> {
  const core = await startCore({ dataDir, appVersion: 'bench', isTrustedSender: () => true, checkOutputs: false, platform: createFakePlatform(), dailyBackup: false });
  try {
    const asOf = localIsoDate(new Date());
    const call = async () => {
      const t0 = performance.now();
      const r = await core.dispatch('reminders:list', { asOf }, SENDER);
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`reminders:list failed: ${JSON.stringify(r.error)}`);
      return { ms, value: r.value as { count: number } };
    };
    const cold = await call();
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push((await call()).ms);
    return {
      rows,
      due: cold.value.count,
      coldMs: round(cold.ms, 1),
      warmMs: round(median(warm), 3),
      jsonMb: round(JSON.stringify(cold.value).length / 1e6, 1),
      loadAverage: os.loadavg().map((x) => round(x, 2)),
    };
  } finally {
    await core.close();
  }
}

async function main(sizes: number[]): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-bench-reminders-'));
  const clock = { now: () => new Date() };
  try {
    for (const rows of sizes) {
      const dir = path.join(tmp, `store-${rows}`);
      await baselineThroughSqlite(dir, generatePortalRows(rows, 42, clock.now()).text, clock);
      const f = await benchReminders(dir, rows);
      process.stdout.write(`${rows.toLocaleString('en-US')} items: ${f.due.toLocaleString('en-US')} due (${f.jsonMb} MB as JSON); first call ${f.coldMs} ms, then ${f.warmMs} ms; load ${f.loadAverage.join(' ')}\n`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number);
  main(sizes.length > 0 ? sizes : [10_000, 100_000]).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
