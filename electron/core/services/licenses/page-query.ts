import type { LicenseQuery } from '../../../../shared/domain/query.js';
import type { StatusSettings } from '../../../../shared/status/index.js';
import type { ReadableDb } from '../../db/connection.js';
import { buildListQuery, SEARCH_IDS_CLAUSE, type SearchAccess } from './list-query.js';
import { LICENSE_COLUMNS, LICENSE_COUNT_FROM, type LicenseRow } from './rows.js';

/**
 * The list's page, read so that its plan does not hang on the planner's statistics.
 *
 * The default order, urgency, is a CASE over @today: no index can hold it, so ordering by it
 * sorted every item for each page (about 100 ms at 100,000 items). It is the same order as four runs
 * one after the other, each of which an index yields already sorted:
 *   1. running: expires today or later, soonest first (license_items_live_expiry);
 *   2. expired: most recently expired first, ties by id (license_items_live_expired);
 *   3. no expiry, new or lifetime, by id (license_items_live_expiry, where expires_on IS NULL);
 *   4. renewed, by id (license_items_renewed_order).
 * (Migration 0013: partial indexes holding every column a run reads.)
 * The page is read run by run with the run's own LIMIT and OFFSET; a run that the offset skips
 * whole is counted instead of read. The first page mostly comes out of run 1 alone.
 *
 * Every run reads license_items alone (the list's conditions use li and subqueries only); the
 * page's rows are joined to products and projects afterwards, so a missing sqlite_stat1 cannot
 * make the planner start from products and sort the whole join.
 */

interface Run {
  when: string;
  /** Named for the unfiltered list (see `named` below). */
  index: string;
  /** The run's order for ascending urgency; descending flips every term and the runs' order. */
  order: { sql: string; desc: boolean }[];
}

const NOT_RENEWED = 'li.renewed_by_id IS NULL';
const RENEWED_ORDER = 'license_items_renewed_order';
const BY_ID = { sql: 'li.id', desc: false };
const BY_EXPIRY = (desc: boolean) => ({ sql: 'li.expires_on', desc });

// Plain `expires_on` terms, which the expiry indexes match for both the range and the order.
const URGENCY_RUNS: readonly Run[] = [
  { when: `${NOT_RENEWED} AND li.expires_on >= @today`, index: 'license_items_live_expiry', order: [BY_EXPIRY(false), BY_ID] },
  { when: `${NOT_RENEWED} AND li.expires_on < @today`, index: 'license_items_live_expired', order: [BY_EXPIRY(true), BY_ID] },
  { when: `${NOT_RENEWED} AND li.expires_on IS NULL`, index: 'license_items_live_expiry', order: [BY_ID] },
  { when: 'li.renewed_by_id IS NOT NULL', index: RENEWED_ORDER, order: [BY_ID] },
];

const PAGE_ROWS = `SELECT ${LICENSE_COLUMNS} FROM license_items li JOIN products p ON p.code = li.product_code
  LEFT JOIN projects pr ON pr.id = li.project_id WHERE li.id IN (SELECT value FROM json_each(@ids))`;

export interface RunSql {
  /** Ids of the run's rows in order; parameters @limit and @offset. */
  sql: string;
  countSql: string;
}

/** Many known hits and nothing else asked: the unfiltered runs, walked while testing each id against the hits. */
export interface HitWalk {
  runs: string[];
  params: Record<string, unknown>;
  ids: readonly number[];
}

export type PagePlan =
  | { kind: 'single'; sql: string; params: Record<string, unknown>; countSql: string; countParams: Record<string, unknown> }
  | { kind: 'runs'; runs: RunSql[]; params: Record<string, unknown>; countSql: string; countParams: Record<string, unknown>; walk?: HitWalk };

/**
 * From this many known search hits the runs find the page sooner than sorting the hits: walking the
 * expiry index meets a hit every (items / hits) entries, while sorting looks each hit up by id (at
 * 100,000 items, 10,000 hits: about 2 ms against 6 ms).
 */
export const RUNS_FROM_HITS = 3000;

/** True when the page is read in urgency runs; otherwise one statement with the item table outermost. */
export function readsInRuns(q: LicenseQuery, searchAccess: SearchAccess): boolean {
  if (q.sort.key !== 'urgency' || q.groupByProject) return false;
  if (!q.search || searchAccess === false) return true;
  // A selective search hands back few rows: sorting those is cheaper than walking four runs for them.
  return typeof searchAccess === 'object' && searchAccess.ids.length >= RUNS_FROM_HITS;
}

export function planPage(q: LicenseQuery, settings: StatusSettings, searchAccess: SearchAccess): PagePlan {
  const parts = buildListQuery(q, settings, searchAccess);
  const countSql = `SELECT count(*) AS n ${LICENSE_COUNT_FROM} ${parts.where}`;
  if (!readsInRuns(q, searchAccess)) {
    // CROSS JOIN keeps license_items the outer loop, so its indexes can serve the order and the LIMIT.
    const from = 'FROM license_items li CROSS JOIN products p ON p.code = li.product_code LEFT JOIN projects pr ON pr.id = li.project_id';
    const sql = `SELECT ${LICENSE_COLUMNS} ${from} ${parts.where} ${parts.orderBy} LIMIT @limit OFFSET @offset`;
    return { kind: 'single', sql, params: { ...parts.params, limit: q.limit, offset: q.offset }, countSql, countParams: parts.params };
  }
  const desc = q.sort.dir === 'desc';
  // Unfiltered, each run's index is named: without statistics (a store just filled in bulk, or one
  // whose statistics wait for its keys to be sealed) the planner was seen walking every item in id
  // order to find the renewed ones. With filters the planner chooses, as a selective filter's own
  // index (one project, one product) can beat walking the expiry order; the statistics say when.
  // Many known search hits alone are named too: the planner would look every hit up by id and sort.
  const named = parts.conditions.every((c) => c === SEARCH_IDS_CLAUSE);
  const runs = (desc ? [...URGENCY_RUNS].reverse() : URGENCY_RUNS).map((run) => {
    // Renewed items are few whatever the filter: their partial index is always the way in.
    const from = `license_items li${named || run.index === RENEWED_ORDER ? ` INDEXED BY ${run.index}` : ''}`;
    const where = `WHERE ${[...parts.conditions, run.when].join(' AND ')}`;
    const order = run.order.map((o) => `${o.sql} ${o.desc !== desc ? 'DESC' : 'ASC'}`).join(', ');
    return { sql: `SELECT li.id FROM ${from} ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`, countSql: `SELECT count(*) FROM ${from} ${where}` };
  });
  const plan: PagePlan = { kind: 'runs', runs, params: parts.params, countSql, countParams: parts.params };
  if (named && typeof searchAccess === 'object' && parts.conditions.length === 1) {
    const unfiltered = planPage({ ...q, search: '' }, settings, false);
    if (unfiltered.kind === 'runs') plan.walk = { runs: unfiltered.runs.map((r) => r.sql), params: unfiltered.params, ids: searchAccess.ids };
  }
  return plan;
}

/**
 * Rows of the item order a walk reads, at most, before it leaves the page to the runs' SQL. Hits of a
 * search typed in the box are spread through the order (10,000 of 100,000: one row in ten), so the
 * first page is found within a few hundred rows, where the SQL first builds a table of every hit
 * (about 2.5 ms for 10,000). Hits bunched late in the order, or deep pages, end the walk here.
 */
export const WALK_ROWS = 5000;
const WALK_BATCH = 1000;

/** The page's ids by walking the unfiltered runs in order, or null when the walk would read over `budget` rows. */
export function walkForHits(db: ReadableDb, walk: HitWalk, q: Pick<LicenseQuery, 'limit' | 'offset'>, budget = WALK_ROWS): number[] | null {
  const maxId = db.prepare('SELECT max(id) FROM license_items').pluck().get() as number | null;
  if (maxId === null) return [];
  const hit = new Uint8Array(maxId + 1);
  for (const id of walk.ids) if (id <= maxId) hit[id] = 1;
  const out: number[] = [];
  let skip = q.offset;
  let walked = 0;
  for (const sql of walk.runs) {
    const stmt = db.prepare(sql).pluck();
    for (let at = 0; ; at += WALK_BATCH) {
      if (walked >= budget) return null;
      const got = stmt.all({ ...walk.params, limit: WALK_BATCH, offset: at }) as number[];
      walked += got.length;
      for (const id of got) {
        if (hit[id] !== 1) continue;
        if (skip > 0) skip--;
        else if (out.push(id) === q.limit) return out;
      }
      if (got.length < WALK_BATCH) break;
    }
  }
  return out;
}

/** The page's rows, in the plan's order. */
export function readPage(db: ReadableDb, plan: PagePlan, q: Pick<LicenseQuery, 'limit' | 'offset'>, walkBudget = WALK_ROWS): LicenseRow[] {
  if (plan.kind === 'single') return db.prepare(plan.sql).all(plan.params) as LicenseRow[];
  const walked = plan.walk ? walkForHits(db, plan.walk, q, walkBudget) : null;
  if (walked) return rowsInOrder(db, walked);
  const ids: number[] = [];
  let offset = q.offset;
  for (const run of plan.runs) {
    const limit = q.limit - ids.length;
    if (limit <= 0) break;
    const got = db.prepare(run.sql).pluck().all({ ...plan.params, limit, offset }) as number[];
    if (got.length > 0) {
      ids.push(...got);
      offset = 0;
    } else if (offset > 0) {
      // The offset lies past this run: skip it whole.
      offset -= db.prepare(run.countSql).pluck().get(plan.params) as number;
    }
  }
  return rowsInOrder(db, ids);
}

function rowsInOrder(db: ReadableDb, ids: number[]): LicenseRow[] {
  if (ids.length === 0) return [];
  const at = new Map(ids.map((id, i) => [id, i]));
  const rows = db.prepare(PAGE_ROWS).all({ ids: JSON.stringify(ids) }) as LicenseRow[];
  return rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
}

/** EXPLAIN QUERY PLAN of the page's statements, each run's lines after a "run N" line (for tests and the bench). */
export function explainPage(db: ReadableDb, plan: PagePlan, q: Pick<LicenseQuery, 'limit' | 'offset'>): string[] {
  const explain = (sql: string, params: Record<string, unknown>) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
  if (plan.kind === 'single') return explain(plan.sql, plan.params);
  return plan.runs.flatMap((run, i) => [`run ${i + 1}`, ...explain(run.sql, { ...plan.params, limit: q.limit, offset: q.offset })]);
}
