import type { LicenseQuery, LicenseSortKey } from '../../../../shared/domain/query.js';

const SORT_COLUMNS: Record<LicenseSortKey, string> = {
  itemId: 'li.item_id',
  product: 'p.name',
  quotaMode: 'li.quota_mode',
  quota: 'li.quota_amount',
  activatedOn: 'li.activated_on',
  expiresOn: 'li.expires_on',
  project: 'pr.handshake_code',
};

/** `%` and `_` in what the user typed are literal text, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface SqlParts {
  where: string;
  params: Record<string, unknown>;
  orderBy: string;
}

/** Builds WHERE/ORDER BY from a validated query; column names come only from the whitelist above. */
export function buildListQuery(q: LicenseQuery): SqlParts {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.search) {
    params.search = likePattern(q.search);
    clauses.push(
      `(li.item_id LIKE @search ESCAPE '\\' OR li.license_id LIKE @search ESCAPE '\\' OR li.order_id LIKE @search ESCAPE '\\'` +
        ` OR li.alias LIKE @search ESCAPE '\\' OR li.notes LIKE @search ESCAPE '\\' OR p.name LIKE @search ESCAPE '\\'` +
        ` OR li.edition LIKE @search ESCAPE '\\' OR pr.handshake_code LIKE @search ESCAPE '\\')`,
    );
  }
  const col = SORT_COLUMNS[q.sort.key];
  const dir = q.sort.dir === 'desc' ? 'DESC' : 'ASC';
  // Rows without a value (no expiry, no project) go last in either direction; id keeps pages stable.
  const orderBy = `ORDER BY ${col} IS NULL, ${col} ${dir}, li.id ${dir}`;
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, orderBy };
}
