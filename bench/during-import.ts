import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startCore } from '../electron/core/core.js';
import { suggestMapping } from '../electron/core/import/columns.js';
import { createFakePlatform } from '../electron/core/platform/port.js';
import type { ImportReport, StagedImport } from '../shared/domain/import.js';
import type { GeneratedCsv } from './generate.js';
import { percentile, round } from './stats.js';

const SENDER = { url: 'bench://import', isMainFrame: true };
/** The histogram records each interval of a timer firing every RESOLUTION_MS; the delay is what exceeds it. */
const RESOLUTION_MS = 10;
const lateMs = (ns: number) => round(Math.max(0, ns / 1e6 - RESOLUTION_MS), 2);

export interface DuringImportFigures {
  /** The IPC thread's event-loop delay while the import ran (perf_hooks.monitorEventLoopDelay). */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** Round trip of app:info through the router, issued every 50 ms meanwhile. */
  callP95Ms: number;
  callMaxMs: number;
  calls: number;
}

export interface JobImportResult {
  /** Stage + commit, as the user waits for it: the file crossing once, the job, its report. */
  ms: number;
  imported: number;
  duringImport: DuringImportFigures;
  /** Peak resident set of the whole process (IPC thread and worker) while the import ran. */
  peakRssMb: number;
  rssBeforeMb: number;
}

/**
 * Imports the generated file the way the app does: the core (same router, job runner and worker)
 * on a fresh store; import:stage then import:commit through dispatch, while a small call goes out
 * every 50 ms and the event loop's delay is sampled. Runs from the compiled build (`npm run bench`),
 * so the worker is tsc's `worker.js`.
 */
export async function importThroughJobs(dataDir: string, gen: GeneratedCsv, clock: { now(): Date }): Promise<JobImportResult> {
  const core = await startCore({ dataDir, appVersion: 'bench', isTrustedSender: () => true, checkOutputs: false, clock, platform: createFakePlatform() });
  try {
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await core.dispatch(channel, input, SENDER);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.message}`);
      return r.value as T;
    };
    // Start the worker before measuring, as a running app has: the first job would otherwise pay for it.
    const warm = await call<StagedImport>('import:stage', { format: 'csv', fileName: 'warm.csv', text: gen.text.split('\r\n').slice(0, 2).join('\r\n') });
    await call('import:preview', { stagedId: warm.stagedId });

    const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    const rtts: number[] = [];
    const mb = (b: number) => round(b / 1024 / 1024, 1);
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    let running = true;
    const prober = (async () => {
      while (running) {
        const t0 = performance.now();
        await call('app:info', undefined);
        rtts.push(performance.now() - t0);
        peak = Math.max(peak, process.memoryUsage.rss());
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    delay.enable();
    const t0 = performance.now();
    const staged = await call<StagedImport>('import:stage', { format: 'csv', fileName: 'portal.csv', text: gen.text });
    const report = await call<ImportReport>('import:commit', { stagedId: staged.stagedId, mapping: suggestMapping(gen.headers), mode: 'all-or-nothing' });
    const ms = performance.now() - t0;
    delay.disable();
    running = false;
    await prober;
    peak = Math.max(peak, process.memoryUsage.rss());

    return {
      ms,
      imported: report.counts.imported,
      duringImport: {
        eventLoopDelayP99Ms: lateMs(delay.percentile(99)),
        eventLoopDelayMaxMs: lateMs(delay.max),
        callP95Ms: round(percentile(rtts, 95), 2),
        callMaxMs: round(Math.max(...rtts), 2),
        calls: rtts.length,
      },
      peakRssMb: mb(peak),
      rssBeforeMb: mb(rssBefore),
    };
  } finally {
    await core.close();
  }
}
