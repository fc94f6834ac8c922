import { NO_PROJECT, type LicenseSortKey, type LicenseView } from '../../../../shared/domain/query.js';
import type { StatusSettings } from '../../../../shared/status/index.js';
import { HEADLINE_RANK_SQL, HEADLINE_SQL } from './status-sql.js';

const SORT_COLUMNS: Record<LicenseSortKey, string> = {
  itemId: 'li.item_id',
  product: 'p.name',
  quotaMode: 'li.quota_mode',
  quota: 'li.quota_amount',
  used: 'li.used',
  activatedOn: 'li.activated_on',
  expiresOn: 'li.expires_on',
  status: HEADLINE_RANK_SQL,
  project: 'pr.handshake_code',
};

/** `%` and `_` in what the user typed are literal text, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface SqlParts {
  where: string;
  params: Record<string, unknown>;
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
 * WHERE and ORDER BY for a validated view. Column names come only from the whitelist above; every
 * value is a bound parameter.
 */
export function buildListQuery(view: LicenseView, settings: StatusSettings): SqlParts {
  const clauses: string[] = [];
  const params: Record<string, unknown> = { today: view.asOf, redDays: settings.redDays, amberDays: settings.amberDays };
  const f = view.filters;
  if (view.search) {
    params.search = likePattern(view.search);
    clauses.push(`li.search_text LIKE @search ESCAPE '\\'`);
  }
  if (f.productCodes.length) clauses.push(inList('li.product_code', f.productCodes, 'prod', params));
  if (f.quotaModes.length) clauses.push(inList('li.quota_mode', f.quotaModes, 'mode', params));
  if (f.terms.length) clauses.push(inList('li.term', f.terms, 'term', params));
  if (f.headlines.length) clauses.push(inList(HEADLINE_SQL, f.headlines, 'head', params));
  if (f.projectCodes.length) {
    const codes = f.projectCodes.filter((c) => c !== NO_PROJECT);
    const parts = codes.length ? [inList('pr.handshake_code', codes, 'proj', params)] : [];
    if (f.projectCodes.includes(NO_PROJECT)) parts.push('li.project_id IS NULL');
    clauses.push(`(${parts.join(' OR ')})`);
  }
  if (f.expiresWithinDays !== null) {
    params.within = f.expiresWithinDays;
    clauses.push(`li.expires_on IS NOT NULL AND li.expires_on >= @today AND julianday(li.expires_on) - julianday(@today) <= @within`);
  }

  const col = SORT_COLUMNS[view.sort.key];
  const dir = view.sort.dir === 'desc' ? 'DESC' : 'ASC';
  // Rows without a value (no expiry, no project) go last in either direction; id keeps pages stable.
  const sort = `${col} IS NULL, ${col} ${dir}, li.id ${dir}`;
  const orderBy = view.groupByProject ? `ORDER BY pr.handshake_code IS NULL, pr.handshake_code ASC, ${sort}` : `ORDER BY ${sort}`;
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, orderBy };
}
