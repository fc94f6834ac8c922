import { NO_PROJECT, type LicenseSortKey, type LicenseView } from '../../../../shared/domain/query.js';
import type { Headline, StatusSettings } from '../../../../shared/status/index.js';
import { HEADLINE_RANK_SQL, HEADLINE_SQL } from './status-sql.js';

interface SortColumn {
  sql: string;
  /** NOT NULL columns skip the "nulls last" term, so their indexes can serve the ORDER BY. */
  nullable: boolean;
}

/**
 * Urgency as one number, smallest first: days left for items still running; then expired items,
 * most recently expired first; then items with no expiry (new, lifetime); renewed items last.
 */
const URGENCY_SQL = `CASE WHEN li.renewed_by_id IS NOT NULL THEN 300000 WHEN li.expires_on IS NULL THEN 200000
  WHEN li.expires_on >= @today THEN julianday(li.expires_on) - julianday(@today)
  ELSE 100000 + julianday(@today) - julianday(li.expires_on) END`;

/** Share of quota used; items without a reading have none and sort last. */
const PERCENT_USED_SQL = 'CAST(li.used AS REAL) / li.quota_amount';

/** Items at `pct` % of quota or more, not replaced by a renewal: the dashboard and the list filter agree. */
export function quotaAtLeastSql(param: string): string {
  return `li.renewed_by_id IS NULL AND li.used IS NOT NULL AND li.used * 100 >= ${param} * li.quota_amount`;
}

const SORT_COLUMNS: Record<LicenseSortKey, SortColumn> = {
  urgency: { sql: URGENCY_SQL, nullable: false },
  itemId: { sql: 'li.item_id', nullable: false },
  product: { sql: 'p.name', nullable: false },
  quotaMode: { sql: 'li.quota_mode', nullable: false },
  quota: { sql: PERCENT_USED_SQL, nullable: true },
  used: { sql: 'li.used', nullable: true },
  activatedOn: { sql: 'li.activated_on', nullable: true },
  expiresOn: { sql: 'li.expires_on', nullable: true },
  status: { sql: HEADLINE_RANK_SQL, nullable: false },
  project: { sql: 'pr.handshake_code', nullable: true },
};

/** `%` and `_` in what the user typed are literal text, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface SqlParts {
  /** Uses only license_items (alias li) and subqueries, so a count needs no join. */
  where: string;
  /** The conditions that `where` joins with AND (none: every item). */
  conditions: string[];
  params: Record<string, unknown>;
  /** Needs the product and project joins of LICENSE_SELECT. */
  orderBy: string;
}

function inList(column: string, values: readonly string[], prefix: string, params: Record<string, unknown>): string {
  const names = values.map((v, i) => {
    params[`${prefix}${i}`] = v;
    return `@${prefix}${i}`;
  });
  return `${column} IN (${names.join(', ')})`;
}

/**
 * A condition the expiry index can use, implied by the chosen statuses, added beside the exact
 * status expression: items that are expiring all expire between today and the amber limit, and
 * expired items before today.
 */
function statusRange(headlines: readonly Headline[]): string | null {
  if (headlines.every((h) => h === 'expiring-red' || h === 'expiring-amber')) {
    return `li.expires_on >= @today AND li.expires_on <= date(@today, '+' || max(@redDays, @amberDays) || ' days')`;
  }
  if (headlines.every((h) => h === 'expired')) return 'li.expires_on < @today';
  return null;
}

/** Text a trigram can match: three characters or more. */
export function canUseSearchIndex(search: string): boolean {
  return [...search].length >= 3;
}

/**
 * The text as one FTS5 phrase (a `"` inside is doubled). With the trigram tokenizer a phrase is
 * its run of overlapping trigrams at consecutive positions, which is exactly "contains this text"
 * (case folded, as the stored text is already): the same rows as LIKE '%text%', but answered from
 * the index's positions alone, where LIKE re-reads every candidate's text from license_items
 * (about three times slower at 10,000 hits). `%`, `_` and `\` are plain characters here.
 */
export function searchPhrase(search: string): string {
  return `"${search.toLowerCase().replace(/"/g, '""')}"`;
}

/**
 * How a search reaches the items: by scanning the search column (false), through the trigram index
 * (true), or as the ids the index has already handed back (the list reads them once for its count
 * and its page alike).
 */
export type SearchAccess = boolean | { ids: readonly number[] };

/** The condition for a search whose matching ids are known (parameter @searchIds, a JSON array). */
export const SEARCH_IDS_CLAUSE = 'li.id IN (SELECT value FROM json_each(@searchIds))';

/**
 * Selective text goes through the trigram index. Short text and text that matches a large share
 * of the items scan the search column instead: there the index would hand back most rowids only
 * for the expiry-ordered scan to find its first page at once anyway.
 */
function searchClause(search: string, access: SearchAccess, params: Record<string, unknown>): string {
  if (typeof access === 'object') {
    params.searchIds = JSON.stringify(access.ids);
    return SEARCH_IDS_CLAUSE;
  }
  if (access && canUseSearchIndex(search)) {
    params.phrase = searchPhrase(search);
    return `li.id IN (SELECT rowid FROM license_search WHERE license_search MATCH @phrase)`;
  }
  params.search = likePattern(search);
  return `li.search_text LIKE @search ESCAPE '\\'`;
}

/**
 * WHERE and ORDER BY for a validated view. Column names come only from the whitelist above; every
 * value is a bound parameter.
 */
export function buildListQuery(view: LicenseView, settings: StatusSettings, searchAccess: SearchAccess = true): SqlParts {
  const clauses: string[] = [];
  const params: Record<string, unknown> = { today: view.asOf, redDays: settings.redDays, amberDays: settings.amberDays };
  const f = view.filters;
  if (view.search) clauses.push(searchClause(view.search, searchAccess, params));
  if (f.productCodes.length) clauses.push(inList('li.product_code', f.productCodes, 'prod', params));
  if (f.quotaModes.length) clauses.push(inList('li.quota_mode', f.quotaModes, 'mode', params));
  if (f.terms.length) clauses.push(inList('li.term', f.terms, 'term', params));
  if (f.headlines.length) {
    const range = statusRange(f.headlines);
    if (range) clauses.push(range);
    clauses.push(inList(HEADLINE_SQL, f.headlines, 'head', params));
  }
  if (f.projectCodes.length) {
    const codes = f.projectCodes.filter((c) => c !== NO_PROJECT);
    const parts = codes.length ? [`li.project_id IN (SELECT id FROM projects WHERE ${inList('handshake_code', codes, 'proj', params)})`] : [];
    if (f.projectCodes.includes(NO_PROJECT)) parts.push('li.project_id IS NULL');
    clauses.push(`(${parts.join(' OR ')})`);
  }
  if (f.minQuotaPercent !== null) {
    params.minPct = f.minQuotaPercent;
    clauses.push(quotaAtLeastSql('@minPct'));
  }
  if (f.expiresWithinDays !== null) {
    params.within = f.expiresWithinDays;
    clauses.push(`li.expires_on >= @today AND li.expires_on <= date(@today, '+' || @within || ' days')`);
  }

  const col = SORT_COLUMNS[view.sort.key];
  const dir = view.sort.dir === 'desc' ? 'DESC' : 'ASC';
  // Rows without a value (no expiry, no project) go last in either direction; id keeps pages stable.
  const sort = `${col.nullable ? `(${col.sql} IS NULL), ` : ''}${col.sql} ${dir}, li.id ${dir}`;
  const orderBy = view.groupByProject ? `ORDER BY (pr.handshake_code IS NULL), pr.handshake_code ASC, ${sort}` : `ORDER BY ${sort}`;
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', conditions: clauses, params, orderBy };
}
