import { performance } from 'node:perf_hooks';
import { LicenseQuery, type LicenseQueryInput } from '../shared/domain/query.js';
import { startCore } from '../electron/core/core.js';
import { createFakePlatform } from '../electron/core/platform/port.js';
import { explainPage, planPage, readPage } from '../electron/core/services/licenses/page-query.js';
import { searchAccess } from '../electron/core/services/licenses/service.js';
import { createSettingsService } from '../electron/core/services/settings.js';
import { median, round } from './stats.js';

/**
 * Part (b): the first page (limit 100) of a filtered, sorted list through the router's dispatch
 * (input validation, checkOutputs false as in the packaged app), against the same SQL statements
 * (the count and the page: one statement, or the urgency runs of page-query.ts) run directly.
 */

export interface ListCase {
  name: string;
  input: LicenseQueryInput;
}

export interface ListFigures {
  name: string;
  input: LicenseQueryInput;
  total: number;
  runs: number;
  oursMs: number;
  baselineMs: number;
  ratio: number;
  /** Medians of the parts, for the analysis. */
  parts: { inputValidationMs: number; countMs: number; pageMs: number };
  plan: { count: string[]; page: string[] };
}

const SENDER = { url: 'bench://licenses', isMainFrame: true };

export async function benchList(dataDir: string, cases: ListCase[], runs: number, warmup = 5): Promise<ListFigures[]> {
  const core = await startCore({ dataDir, appVersion: 'bench', isTrustedSender: () => true, checkOutputs: false, platform: createFakePlatform() });
  try {
    const db = core.store.db;
    const settings = createSettingsService(db);
    const out: ListFigures[] = [];
    for (const c of cases) {
      const q = LicenseQuery.parse(c.input);
      const page = planPage(q, settings.status(), searchAccess(db, q.search));
      const countStmt = db.prepare(page.countSql);

      const ours = async () => {
        const r = await core.dispatch('licenses:list', c.input, SENDER);
        if (!r.ok) throw new Error(`licenses:list failed: ${JSON.stringify(r.error)}`);
        return r.value as { total: number; rows: { id: number }[] };
      };
      const baseline = () => {
        const t0 = performance.now();
        const n = (countStmt.get(page.countParams) as { n: number }).n;
        const t1 = performance.now();
        const rows = readPage(db, page, q);
        const t2 = performance.now();
        return { n, rows, countMs: t1 - t0, pageMs: t2 - t1 };
      };

      // Same answer both ways, or the comparison means nothing.
      const a = await ours();
      const b = baseline();
      if (a.total !== b.n || a.rows.map((r) => r.id).join() !== b.rows.map((r) => r.id).join()) {
        throw new Error(`${c.name}: service and baseline disagree (${a.total} vs ${b.n})`);
      }
      for (let i = 0; i < warmup; i++) {
        await ours();
        baseline();
      }

      const oursMs: number[] = [];
      const baseMs: number[] = [];
      const countMs: number[] = [];
      const pageMs: number[] = [];
      const validateMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Interleaved, so drift (GC, other load) hits both sides alike.
        let t0 = performance.now();
        await ours();
        oursMs.push(performance.now() - t0);

        t0 = performance.now();
        const r = baseline();
        baseMs.push(performance.now() - t0);
        countMs.push(r.countMs);
        pageMs.push(r.pageMs);

        t0 = performance.now();
        LicenseQuery.safeParse(c.input);
        validateMs.push(performance.now() - t0);
      }
      const plan = (sql: string, p: Record<string, unknown>) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(p) as { detail: string }[]).map((r) => r.detail);
      const oursMedian = median(oursMs);
      const baseMedian = median(baseMs);
      out.push({
        name: c.name,
        input: c.input,
        total: a.total,
        runs,
        oursMs: round(oursMedian, 3),
        baselineMs: round(baseMedian, 3),
        ratio: round(oursMedian / baseMedian, 3),
        parts: {
          inputValidationMs: round(median(validateMs), 3),
          countMs: round(median(countMs), 3),
          pageMs: round(median(pageMs), 3),
        },
        plan: { count: plan(page.countSql, page.countParams), page: explainPage(db, page, q) },
      });
    }
    return out;
  } finally {
    core.close();
  }
}

/** The list cases the bench measures: the page as it opens (default order, urgency), a filter, a search. */
export function listCases(rows: number, asOf: string): ListCase[] {
  const searchText = String(104_000_000 + Math.floor(rows * 0.37)).slice(0, 6);
  return [
    { name: 'first page, no filter, default order (page open)', input: { asOf, offset: 0, limit: 100 } },
    {
      name: 'status+product filter, sort expiresOn',
      input: { asOf, sort: { key: 'expiresOn', dir: 'asc' }, filters: { headlines: ['expiring-red', 'expiring-amber'], productCodes: ['DBR'] }, offset: 0, limit: 100 },
    },
    { name: `search "${searchText}"`, input: { asOf, search: searchText, sort: { key: 'expiresOn', dir: 'asc' }, offset: 0, limit: 100 } },
  ];
}
