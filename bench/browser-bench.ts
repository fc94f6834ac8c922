import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from './chromium.js';
import { startHostProcess, type HostProcess } from './host-process.js';
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
  /**
   * The latency split by the licenses:list request whose answer produced the change (Resource
   * Timing): keydown → request start (event handling, waiting for the query in flight), the request
   * itself (host: SQL, output check, JSON), and response end → count on screen (parse, React render).
   */
  split: { beforeRequestMs: number; requestMs: number; afterResponseMs: number } | null;
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
  splitMedians: { beforeRequestMs: number; requestMs: number; afterResponseMs: number } | null;
  splitAtP95: KeyRecord['split'];
  keys: KeyRecord[];
}

interface BenchWindow {
  __bench: { keys: { t: number; key: string }[]; changes: { t: number; count: number; frame: number | null }[] };
}

const COUNT_LABEL = '[aria-label="License count"]';

function itemIds(rows: number): string[] {
  const fractions = [0.1234, 0.5678, 0.9012, 0.3141, 0.2718, 0.618, 0.1414, 0.7071, 0.866, 0.4321, 0.2468, 0.9753, 0.0555, 0.6543, 0.3579, 0.8024, 0.1928, 0.7365, 0.4682, 0.5917];
  return fractions.map((f) => String(104_000_000 + Math.floor(rows * f)));
}

const countIn = (text: string | null) => (text === null ? null : Number(text.replace(/[^0-9]/g, '')));

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

export async function benchBrowser(dataDir: string, rows: number, opts: { minMeasured?: number; gapMs?: number; log?: (m: string) => void } = {}): Promise<BrowserFigures> {
  const minMeasured = opts.minMeasured ?? 40;
  const gapMs = opts.gapMs ?? 120;
  const log = opts.log ?? (() => {});
  let host: HostProcess | null = null;
  let browser: Browser | null = null;
  try {
    host = await startHostProcess(dataDir);
    const asOf = localIsoDate(new Date());
    const plan = await planSequences(host, rows, asOf, minMeasured);
    log(`  typing ${plan.sequences.length} item ids (${plan.measurable} measurable keystrokes)`);

    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${host.url}#/licenses`);
    await page.getByRole('table', { name: 'Licenses' }).waitFor({ timeout: 30_000 });
    if (!(await waitForCount(page, plan.full, 30_000))) throw new Error(`The Licenses page never showed ${plan.full} items`);

    await page.evaluate((sel) => {
      const b: BenchWindow['__bench'] = { keys: [], changes: [] };
      (window as unknown as BenchWindow).__bench = b;
      document.addEventListener('keydown', (e) => b.keys.push({ t: performance.now(), key: e.key }), true);
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

    const search = page.getByLabel('Search licenses');
    const keys: KeyRecord[] = [];
    let timeouts = 0;
    for (const id of plan.sequences) {
      await page.evaluate(() => {
        const b = (window as unknown as BenchWindow).__bench;
        b.keys.length = 0;
        b.changes.length = 0;
      });
      await search.focus();
      for (const ch of id) {
        await page.keyboard.press(ch);
        await sleep(gapMs);
      }
      const final = plan.apiMs[id]!.total;
      if (!(await waitForCount(page, final))) timeouts++;
      await sleep(50); // let the last frame callback run
      const seen = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
      const requests = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('licenses%3Alist'))
          .map((e) => ({ start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
      );
      if (seen.keys.length !== id.length) throw new Error(`Expected ${id.length} keydowns for ${id}, saw ${seen.keys.length}`);
      let previous = plan.full;
      for (let i = 0; i < id.length; i++) {
        const text = id.slice(0, i + 1);
        const expected = plan.apiMs[text]!.total;
        const measured = expected !== previous;
        previous = expected;
        const down = seen.keys[i]!.t;
        const change = measured ? seen.changes.find((c) => c.t >= down && c.count === expected) : undefined;
        if (measured && !change) timeouts++;
        const req = change ? requests.filter((r) => r.end <= change.t && r.start >= down - 1).pop() : undefined;
        keys.push({
          search: text,
          expected,
          measured,
          ms: change ? round(change.t - down, 2) : null,
          frameMs: change?.frame != null ? round(change.frame - down, 2) : null,
          split: change && req ? { beforeRequestMs: round(req.start - down, 2), requestMs: round(req.end - req.start, 2), afterResponseMs: round(change.t - req.end, 2) } : null,
        });
      }
      await page.evaluate(() => performance.clearResourceTimings());
      await search.fill('');
      if (!(await waitForCount(page, plan.full, 30_000))) throw new Error('Clearing the search did not bring the full list back');
      await sleep(200);
    }

    const lat = keys.filter((k) => k.measured && k.ms !== null).map((k) => k.ms!);
    const splits = keys.filter((k) => k.measured && k.split).map((k) => k.split!);
    const p95 = percentile(lat, 95);
    const frames = keys.filter((k) => k.measured && k.frameMs !== null).map((k) => k.frameMs!);
    const shown = countIn(await page.locator(COUNT_LABEL).textContent());
    if (shown !== plan.full) throw new Error(`Count label shows ${shown}, expected ${plan.full}`);
    return {
      rows,
      sequences: plan.sequences,
      keystrokes: keys.length,
      measured: lat.length,
      p50: round(median(lat)),
      p95: round(p95),
      max: round(Math.max(...lat)),
      frameP50: round(median(frames)),
      frameP95: round(percentile(frames, 95)),
      gapMs,
      apiMs: plan.apiMs,
      splitMedians: splits.length
        ? {
            beforeRequestMs: round(median(splits.map((x) => x.beforeRequestMs))),
            requestMs: round(median(splits.map((x) => x.requestMs))),
            afterResponseMs: round(median(splits.map((x) => x.afterResponseMs))),
          }
        : null,
      splitAtP95: keys.find((k) => k.measured && k.ms === p95)?.split ?? null,
      keys,
      timeouts,
    };
  } finally {
    await browser?.close().catch(() => {});
    await host?.stop();
  }
}
