import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../electron/core/clock.js';
import { generatePortalRows } from './generate.js';
import { baselineThroughSqlite } from './import-bench.js';
import { benchList, listCases, type ListFigures } from './list-bench.js';
import { round } from './stats.js';

/**
 * `npm run bench -- --scale`: the list's three cases (first page as it opens, status+product
 * filter, search) on stores of growing size, each filled by the baseline's bulk insert (a prepared
 * INSERT per row in one transaction), the way the largest store can be made in reasonable time.
 */

export interface ScaleFigures {
  rows: number;
  /** Medians through the router's dispatch, as in part (b). */
  firstPageMs: number;
  filterMs: number;
  searchMs: number;
  fillMs: number;
  list: ListFigures[];
}

export const SCALE_SIZES = [10_000, 100_000, 1_000_000] as const;

export async function benchScale(tmp: string, sizes: readonly number[], asOf: string, runs: number, clock: Clock, log: (m: string) => void): Promise<ScaleFigures[]> {
  const out: ScaleFigures[] = [];
  for (const rows of sizes) {
    const dir = path.join(tmp, `scale-${rows}`);
    const fill = await baselineThroughSqlite(dir, generatePortalRows(rows, 42, clock.now()).text, clock);
    if (fill.rows !== rows) throw new Error(`Filled ${fill.rows} of ${rows} rows`);
    const list = await benchList(dir, listCases(rows, asOf), runs);
    const [first, filter, search] = list as [ListFigures, ListFigures, ListFigures];
    out.push({ rows, firstPageMs: first.oursMs, filterMs: filter.oursMs, searchMs: search.oursMs, fillMs: round(fill.ms, 0), list });
    log(`  ${rows.toLocaleString('en-US')} rows (filled in ${Math.round(fill.ms / 1000)} s): first page ${first.oursMs} ms, filter ${filter.oursMs} ms, search ${search.oursMs} ms`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
