import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from './chromium.js';
import { generatePortalRows } from './generate.js';
import { startHostProcess, type HostProcess } from './host-process.js';
import { baselineThroughSqlite } from './import-bench.js';
import { localIsoDate, median, percentile, round, sleep } from './stats.js';

/**
 * Part (c): keystroke in the search box → the new count (and rows) on screen, measured in the page
 * in Chromium against the browser host. Item-id prefixes are typed one character at a time with a
 * realistic gap; each keystroke's expected total is known beforehand from the API, and a keystroke
 * counts as measured when that total differs from the previous one (otherwise the label would not
 * change and there would be nothing to wait for).
 */

export interface KeyRecord {
  search: string;
  expected: number;
  /** The expected total differs from the one before, so the label has to change. */
  changes: boolean;
  /**
   * The count for this text never appeared: keys typed while a query ran were coalesced and a later
   * key's result was shown instead (setSearch in the store).
   */
  superseded: boolean;
  /** keydown (capture listener, performance.now()) → the label shows this key's count, or a newer one if superseded. */
  ms: number | null;
  /** keydown → the next animation frame after that change (the frame that shows it). */
  frameMs: number | null;
  /** keydown → the end of the key's own task (input handling and the synchronous re-render it causes). */
  handlerMs: number | null;
  /**
   * The latency split by the licenses:list call whose answer produced the change (the bridge's
   * measure, or Resource Timing over HTTP): keydown → call sent (event handling, waiting for the
   * query in flight), the call itself (hostMs of it in the host: SQL, output check, JSON; the rest
   * transport), and answer → count on screen (parse, React render).
   */
  split: { beforeRequestMs: number; requestMs: number; afterResponseMs: number; hostMs: number | null } | null;
}

export interface BrowserFigures {
  rows: number;
  sequences: string[];
  gapMs: number;
  keystrokes: number;
  /** Keystrokes whose own count was shown: the measure the target applies to. */
  measured: number;
  p50: number;
  p95: number;
  max: number;
  frameP50: number;
  frameP95: number;
  /** Keystrokes whose count was never shown, and the p95 including them (time to a newer result). */
  superseded: number;
  p95WithSuperseded: number;
  /** Sequences whose final count never appeared within 15 s. */
  timeouts: number;
  /** Host answer time over HTTP for each distinct search (first call, for the analysis). */
  apiMs: Record<string, { total: number; ms: number }>;
  /** Medians of the split over the measured keystrokes, and the split at the p95 keystroke. */
  splitMedians: { beforeRequestMs: number; requestMs: number; afterResponseMs: number; hostMs: number | null } | null;
  splitAtP95: KeyRecord['split'];
  /** Median and p95 of handlerMs over all keystrokes. */
  handlerP50: number;
  handlerP95: number;
  keys: KeyRecord[];
}

interface BenchWindow {
  __bench: { keys: { t: number; key: string; handled: number | null }[]; changes: { t: number; count: number; frame: number | null }[] };
}

const COUNT_LABEL = '[aria-label="License count"]';

function itemIds(rows: number): string[] {
  const fractions = [0.1234, 0.5678, 0.9012, 0.3141, 0.2718, 0.618, 0.1414, 0.7071, 0.866, 0.4321, 0.2468, 0.9753, 0.0555, 0.6543, 0.3579, 0.8024, 0.1928, 0.7365, 0.4682, 0.5917];
  return fractions.map((f) => String(104_000_000 + Math.floor(rows * f)));
}

const countIn = (text: string | null) => (text === null ? null : Number(text.replace(/[^0-9]/g, '')));

/**
 * Set-up waits (the page opening at 100,000 items on a loaded machine, the list coming back after a
 * search is cleared) are generous: they are not what is measured, and a short one only turns a slow
 * machine into a failed run. The measured keystrokes keep their own 15 s limit, counted as timeouts.
 */
const SETUP_TIMEOUT_MS = 180_000;

/** What the page shows instead of the expected count, for the error when set-up never got there. */
async function pageState(page: Page): Promise<string> {
  const label = await page.locator(COUNT_LABEL).first().textContent({ timeout: 1000 }).catch(() => null);
  const alerts = await page.getByRole('alert').allTextContents().catch(() => []);
  return `the count label shows ${label === null ? 'nothing' : JSON.stringify(label)}${alerts.length ? `; alerts: ${alerts.map((a) => JSON.stringify(a.slice(0, 200))).join(', ')}` : ''}`;
}

async function waitForCount(page: Page, expected: number, timeout = 15_000): Promise<boolean> {
  try {
    await page.waitForFunction(
      ([sel, n]) => Number((document.querySelector(sel as string)?.textContent ?? '').replace(/[^0-9]/g, '')) === n,
      [COUNT_LABEL, expected] as const,
      { timeout, polling: 'raf' },
    );
    return true;
  } catch {
    return false;
  }
}

export async function benchBrowser(
  dataDir: string,
  rows: number,
  opts: { minMeasured?: number; gapMs?: number; budgetMs?: number; log?: (m: string) => void } = {},
): Promise<BrowserFigures> {
  const minMeasured = opts.minMeasured ?? 40;
  const gapMs = opts.gapMs ?? 120;
  const budgetMs = opts.budgetMs ?? 150_000;
  const log = opts.log ?? (() => {});
  let host: HostProcess | null = null;
  let browser: Browser | null = null;
  try {
    host = await startHostProcess(dataDir);
    const h = host;
    const asOf = localIsoDate(new Date());
    const apiMs: BrowserFigures['apiMs'] = {};
    // Expected totals come from the API before each sequence is typed (the page is idle then).
    const totalFor = async (search: string) => {
      if (!apiMs[search]) {
        const r = await h.call<{ total: number }>('licenses:list', { search, asOf, limit: 1 });
        apiMs[search] = { total: r.value.total, ms: round(r.ms, 1) };
      }
      return apiMs[search].total;
    };
    const full = await totalFor('');

    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${host.url}#/licenses`);
    await page.getByRole('table', { name: 'Licenses' }).waitFor({ timeout: SETUP_TIMEOUT_MS });
    if (!(await waitForCount(page, full, SETUP_TIMEOUT_MS))) throw new Error(`The Licenses page never showed ${full} items in ${SETUP_TIMEOUT_MS / 1000} s: ${await pageState(page)}`);
    // The bell's first answer is in before the first key is typed, so no keystroke waits behind it.
    // (Not "networkidle": the events stream stays open.)
    await page
      .waitForFunction(() => [...performance.getEntriesByType('measure'), ...performance.getEntriesByType('resource')].some((e) => /reminders(:|%3A)/.test(e.name)), undefined, { timeout: SETUP_TIMEOUT_MS })
      .catch(() => log('  (the bell had not answered after set-up; typing anyway)'));
    await installProbes(page);

    const search = page.getByLabel('Search licenses');
    const keys: KeyRecord[] = [];
    const sequences: string[] = [];
    let timeouts = 0;
    const started = Date.now();
    for (const id of itemIds(rows)) {
      if (keys.filter((k) => k.changes && !k.superseded && k.ms !== null).length >= minMeasured || Date.now() - started > budgetMs) break;
      const prefixes = [...id].map((_, i) => id.slice(0, i + 1));
      const expected: number[] = [];
      for (const text of prefixes) expected.push(await totalFor(text));
      sequences.push(id);

      await page.evaluate(() => {
        const b = (window as unknown as BenchWindow).__bench;
        b.keys.length = 0;
        b.changes.length = 0;
        performance.clearResourceTimings();
        performance.clearMeasures();
      });
      await search.focus();
      for (const ch of id) {
        await page.keyboard.press(ch);
        await sleep(gapMs);
      }
      if (!(await waitForCount(page, expected[expected.length - 1]!))) timeouts++;
      await sleep(50); // let the last frame callback run
      const seen = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
      // The bridge's calls: its measures over the socket (the host's share in their detail), or the
      // Resource Timing of calls that went over HTTP (the host's share in its Server-Timing header).
      const requests = await page.evaluate(() => [
        ...performance
          .getEntriesByType('measure')
          .filter((e) => e.name === 'ipc licenses:list')
          .map((e) => ({ start: e.startTime, end: e.startTime + e.duration, host: ((e as PerformanceMeasure).detail as { hostMs?: number } | null)?.hostMs ?? null })),
        ...performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('licenses%3Alist'))
          .map((e) => {
            const t = e as PerformanceResourceTiming;
            return { start: t.startTime, end: t.responseEnd, host: t.serverTiming.find((s) => s.name === 'core')?.duration ?? null };
          }),
      ].sort((a, b) => a.start - b.start));
      if (seen.keys.length !== id.length) throw new Error(`Expected ${id.length} keydowns for ${id}, saw ${seen.keys.length}`);
      keys.push(...readKeys(prefixes, expected, full, seen, requests));

      await search.fill('');
      if (!(await waitForCount(page, full, SETUP_TIMEOUT_MS))) throw new Error(`Clearing the search did not bring the full list back in ${SETUP_TIMEOUT_MS / 1000} s: ${await pageState(page)}`);
      await sleep(200);
    }
    log(`  typed ${sequences.length} item ids, ${keys.length} keystrokes`);

    const own = keys.filter((k) => k.changes && !k.superseded && k.ms !== null);
    const lat = own.map((k) => k.ms!);
    const frames = own.filter((k) => k.frameMs !== null).map((k) => k.frameMs!);
    const splits = own.filter((k) => k.split).map((k) => k.split!);
    const withSuperseded = keys.filter((k) => k.changes && k.ms !== null).map((k) => k.ms!);
    const p95 = percentile(lat, 95);
    const handlers = keys.filter((k) => k.handlerMs !== null).map((k) => k.handlerMs!);
    const shown = countIn(await page.locator(COUNT_LABEL).textContent());
    if (shown !== full) throw new Error(`Count label shows ${shown}, expected ${full}`);
    const med = (f: (x: NonNullable<KeyRecord['split']>) => number) => round(median(splits.map(f)));
    return {
      rows,
      sequences,
      gapMs,
      keystrokes: keys.length,
      measured: lat.length,
      p50: round(median(lat)),
      p95: round(p95),
      max: round(Math.max(...lat)),
      frameP50: round(median(frames)),
      frameP95: round(percentile(frames, 95)),
      superseded: keys.filter((k) => k.superseded).length,
      p95WithSuperseded: round(percentile(withSuperseded, 95)),
      timeouts,
      apiMs,
      splitMedians: splits.length
        ? {
            beforeRequestMs: med((x) => x.beforeRequestMs),
            requestMs: med((x) => x.requestMs),
            afterResponseMs: med((x) => x.afterResponseMs),
            hostMs: splits.every((x) => x.hostMs !== null) ? med((x) => x.hostMs!) : null,
          }
        : null,
      splitAtP95: own.find((k) => k.ms === p95)?.split ?? null,
      handlerP50: round(median(handlers)),
      handlerP95: round(percentile(handlers, 95)),
      keys,
    };
  } finally {
    await browser?.close().catch(() => {});
    await host?.stop();
  }
}

/** A capture keydown listener and a MutationObserver on the count label, both stamping performance.now(). */
async function installProbes(page: Page): Promise<void> {
  await page.evaluate((sel) => {
    const b: BenchWindow['__bench'] = { keys: [], changes: [] };
    (window as unknown as BenchWindow).__bench = b;
    document.addEventListener(
      'keydown',
      (e) => {
        // A message posted now is delivered after this key's task: its input handlers and the
        // synchronous React render of the typed text (React flushes discrete events at once).
        const rec = { t: performance.now(), key: e.key, handled: null as number | null };
        b.keys.push(rec);
        const ch = new MessageChannel();
        ch.port1.onmessage = () => (rec.handled = performance.now());
        ch.port2.postMessage(0);
      },
      true,
    );
    const read = () => Number((document.querySelector(sel)?.textContent ?? '').replace(/[^0-9]/g, ''));
    let last = read();
    new MutationObserver(() => {
      const count = read();
      if (count === last) return;
      last = count;
      const rec = { t: performance.now(), count, frame: null as number | null };
      b.changes.push(rec);
      requestAnimationFrame(() => (rec.frame = performance.now()));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, COUNT_LABEL);
}

/**
 * Pairs each keydown with the label change that answered it. Totals only shrink as the text grows,
 * so the first change after the keydown showing at most this key's total is this key's result or a
 * newer one (never an older one still in flight, whose total is larger).
 */
function readKeys(prefixes: string[], expected: number[], full: number, seen: BenchWindow['__bench'], requests: { start: number; end: number; host: number | null }[]): KeyRecord[] {
  return prefixes.map((text, i) => {
    const before = i === 0 ? full : expected[i - 1]!;
    const changes = expected[i] !== before;
    const down = seen.keys[i]!.t;
    const change = changes ? seen.changes.find((c) => c.t >= down && c.count <= expected[i]!) : undefined;
    const req = change ? requests.filter((r) => r.end <= change.t && r.start >= down - 1).pop() : undefined;
    return {
      search: text,
      expected: expected[i]!,
      changes,
      superseded: change !== undefined && change.count !== expected[i],
      ms: change ? round(change.t - down, 2) : null,
      frameMs: change?.frame != null ? round(change.frame - down, 2) : null,
      handlerMs: seen.keys[i]!.handled !== null ? round(seen.keys[i]!.handled! - down, 2) : null,
      split:
        change && req
          ? { beforeRequestMs: round(req.start - down, 2), requestMs: round(req.end - req.start, 2), afterResponseMs: round(change.t - req.end, 2), hostMs: req.host === null ? null : round(req.host, 2) }
          : null,
    };
  });
}

/**
 * The browser part alone: `node dist/main/bench/browser-bench.js [--rows N] [--out FILE]` (after
 * `npm run build`) fills a store with the baseline's bulk insert, measures, and writes the figures
 * as `browser` into the --out file (default bench-browser.json), keeping what else it holds.
 */
async function mainAlone(argv: readonly string[]): Promise<void> {
  const arg = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const rows = Number(arg('--rows') ?? 100_000);
  const out = arg('--out') ?? 'bench-browser.json';
  if (!Number.isInteger(rows) || rows < 100) throw new Error('--rows must be a whole number of at least 100');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-bench-browser-'));
  try {
    const clock = { now: () => new Date() };
    const dir = path.join(tmp, 'store');
    await baselineThroughSqlite(dir, generatePortalRows(rows, 42, clock.now()).text, clock);
    const loadAtStart = os.loadavg().map((x) => round(x, 2));
    const b = await benchBrowser(dir, rows, { log: (m) => process.stdout.write(`${m}\n`) });
    const loadAverage = { atStart: loadAtStart, atEnd: os.loadavg().map((x) => round(x, 2)) };
    process.stdout.write(`${b.measured} measured keystrokes (+${b.superseded} superseded, ${b.timeouts} timeouts): p50 ${b.p50} ms, p95 ${b.p95} ms, max ${b.max} ms; load ${loadAverage.atStart.join(' ')} → ${loadAverage.atEnd.join(' ')}\n`);
    if (b.splitMedians)
      process.stdout.write(
        `median split: keydown → request ${b.splitMedians.beforeRequestMs} ms, request ${b.splitMedians.requestMs} ms (host ${b.splitMedians.hostMs ?? '?'} ms), response → count shown ${b.splitMedians.afterResponseMs} ms\n`,
      );
    const previous = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
    fs.writeFileSync(out, JSON.stringify({ ...previous, browser: b, browserRun: { at: new Date().toISOString(), loadAverage } }, null, 2));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  mainAlone(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
