import { DEFAULT_SORT as LIST_DEFAULT_SORT, HEADLINES, LICENSE_SORT_KEYS, NO_PROJECT, type LicenseFilters, type LicenseSortKey } from '../../../shared/domain/query';
import { ORDER_KINDS, ORDER_STATES, type OrderKind, type OrderState } from '../../../shared/domain/order';
import { LICENSE_TERMS, QUOTA_MODES } from '../../../shared/domain/quota';

/**
 * The license list's query as the route carries it: everything that decides which rows show, except
 * the day (`asOf`), which is always the viewer's today.
 */
export interface LicenseListQuery {
  search: string;
  sort: { key: LicenseSortKey; dir: 'asc' | 'desc' };
  filters: LicenseFilters;
  groupByProject: boolean;
}

export interface ProjectsQuery {
  search: string;
}

export interface OrdersQuery {
  states: OrderState[];
  kinds: OrderKind[];
  /** The order opened below the table. */
  selected: number | null;
}

/** How far ahead the Upcoming renewals page looks, in days. */
export const DEFAULT_LOOK_AHEAD = 90;

/** The audit log's filters, as its route (#/settings/audit?item=…&kind=…&from=…&to=…) carries them. */
export interface AuditRouteQuery {
  licenseId: number | null;
  itemId: string | null;
  kind: string | null;
  from: string | null;
  to: string | null;
}

export type Route =
  | { page: 'dashboard' }
  | { page: 'renewals'; days: number }
  | { page: 'orders'; query: OrdersQuery }
  | { page: 'licenses'; query: LicenseListQuery }
  | { page: 'license'; id: number }
  | { page: 'projects'; query: ProjectsQuery }
  /** `section`: the part of Settings to bring into view (a start notice's "Show quarantined files"). */
  | { page: 'settings'; section?: SettingsSection }
  | { page: 'audit'; query: AuditRouteQuery }
  /** `day`: the digest to bring into view (a clicked desktop notification). */
  | { page: 'notifications'; day: string | null }
  | { page: 'purchase'; tab: PurchaseTab }
  /** A PO: stored (`id`), or new, optionally from a renewal/add-quota order, picked licenses or a portal quote. */
  | { page: 'po'; id: number | null; orderId: number | null; licenseIds: number[]; quoteId: number | null };

export const SETTINGS_SECTIONS = ['quarantine'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** The route to a stored PO (`id`), or to a new one started from an order, licenses or a quote. */
export function poRoute(start: Partial<Omit<Extract<Route, { page: 'po' }>, 'page'>> = {}): Extract<Route, { page: 'po' }> {
  return { page: 'po', id: null, orderId: null, licenseIds: [], quoteId: null, ...start };
}

/** The route to the audit log with some filters set. */
export function auditRoute(query: Partial<AuditRouteQuery> = {}): Extract<Route, { page: 'audit' }> {
  return { page: 'audit', query: { licenseId: null, itemId: null, kind: null, from: null, to: null, ...query } };
}

export const PURCHASE_TABS = ['buy', 'orders', 'history'] as const;
export type PurchaseTab = (typeof PURCHASE_TABS)[number];

const positiveInt = (v: string | null): number | null => (v && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null);

export const NO_FILTERS: LicenseFilters = { productCodes: [], headlines: [], quotaModes: [], projectCodes: [], terms: [], expiresWithinDays: null, minQuotaPercent: null };
export const DEFAULT_SORT: LicenseListQuery['sort'] = LIST_DEFAULT_SORT;
export const DEFAULT_LIST_QUERY: LicenseListQuery = { search: '', sort: DEFAULT_SORT, filters: NO_FILTERS, groupByProject: false };

/** The route to the license list with some of its query set (the rest at their defaults). */
export function licensesRoute(query: Partial<Omit<LicenseListQuery, 'filters'>> & { filters?: Partial<LicenseFilters> } = {}): Extract<Route, { page: 'licenses' }> {
  return { page: 'licenses', query: { ...DEFAULT_LIST_QUERY, ...query, filters: { ...NO_FILTERS, ...query.filters } } };
}

// Parameter names in the URL. Lists repeat the parameter (`status=expired&status=grace`).
const P = { search: 'q', product: 'product', status: 'status', mode: 'mode', project: 'project', term: 'term', within: 'within', quota: 'quota', sort: 'sort', dir: 'dir', group: 'group' } as const;

/** Values of a repeated parameter that are one of `allowed`; unknown values are dropped, not errors. */
function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const seen = new Set<T>();
  for (const v of params.getAll(name)) if ((allowed as readonly string[]).includes(v)) seen.add(v as T);
  return [...seen];
}

/** Free-text values (product codes, handshake codes), trimmed, non-empty, each once. */
function texts(params: URLSearchParams, name: string, maxLength: number, maxCount: number): string[] {
  const seen = new Set<string>();
  for (const v of params.getAll(name)) {
    const t = v.trim();
    if (t && t.length <= maxLength) seen.add(t);
  }
  return [...seen].slice(0, maxCount);
}

export function parseListQuery(params: URLSearchParams): LicenseListQuery {
  const within = Number(params.get(P.within));
  const quota = Number(params.get(P.quota));
  const sortKey = params.get(P.sort);
  const key = (LICENSE_SORT_KEYS as readonly string[]).includes(sortKey ?? '') ? (sortKey as LicenseSortKey) : DEFAULT_SORT.key;
  const dir = params.get(P.dir) === 'desc' ? 'desc' : 'asc';
  return {
    search: (params.get(P.search) ?? '').slice(0, 200),
    sort: { key, dir },
    filters: {
      productCodes: texts(params, P.product, 16, 50),
      headlines: oneOf(params, P.status, HEADLINES),
      quotaModes: oneOf(params, P.mode, QUOTA_MODES),
      projectCodes: texts(params, P.project, 200, 200),
      terms: oneOf(params, P.term, LICENSE_TERMS),
      expiresWithinDays: params.has(P.within) && Number.isInteger(within) && within >= 0 && within <= 3650 ? within : null,
      minQuotaPercent: params.has(P.quota) && Number.isInteger(quota) && quota >= 1 && quota <= 1000 ? quota : null,
    },
    groupByProject: params.get(P.group) === '1',
  };
}

/** Only what differs from the defaults goes into the URL, so a plain list is plain `#/licenses`. */
export function listQueryParams(q: LicenseListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (q.search) params.set(P.search, q.search);
  q.filters.headlines.forEach((v) => params.append(P.status, v));
  q.filters.productCodes.forEach((v) => params.append(P.product, v));
  q.filters.quotaModes.forEach((v) => params.append(P.mode, v));
  q.filters.projectCodes.forEach((v) => params.append(P.project, v));
  q.filters.terms.forEach((v) => params.append(P.term, v));
  if (q.filters.expiresWithinDays !== null) params.set(P.within, String(q.filters.expiresWithinDays));
  if (q.filters.minQuotaPercent !== null) params.set(P.quota, String(q.filters.minQuotaPercent));
  if (q.sort.key !== DEFAULT_SORT.key || q.sort.dir !== DEFAULT_SORT.dir) {
    params.set(P.sort, q.sort.key);
    params.set(P.dir, q.sort.dir);
  }
  if (q.groupByProject) params.set(P.group, '1');
  return params;
}

function withQuery(path: string, params: URLSearchParams): string {
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Routes live in the URL hash so the window never navigates (navigation is denied in main). */
export function parseHash(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const m = /^\/licenses\/(\d+)$/.exec(path);
  if (m) return { page: 'license', id: Number(m[1]) };
  if (path === '/licenses') return { page: 'licenses', query: parseListQuery(params) };
  if (path === '/projects') return { page: 'projects', query: { search: (params.get(P.search) ?? '').slice(0, 200) } };
  if (path === '/settings') return (SETTINGS_SECTIONS as readonly string[]).includes(params.get('section') ?? '') ? { page: 'settings', section: params.get('section') as SettingsSection } : { page: 'settings' };
  if (path === '/settings/audit') {
    const match = (name: string, re: RegExp) => {
      const v = params.get(name);
      return v !== null && re.test(v) ? v : null;
    };
    const day = /^\d{4}-\d{2}-\d{2}$/;
    return auditRoute({ licenseId: positiveInt(params.get('license')), itemId: match('item', /^\d{1,18}$/), kind: match('kind', /^[a-z]{1,40}$/), from: match('from', day), to: match('to', day) });
  }
  if (path === '/notifications') {
    const day = params.get('day');
    return { page: 'notifications', day: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null };
  }
  if (path === '/renewals') {
    const days = Number(params.get(P.within));
    return { page: 'renewals', days: params.has(P.within) && Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_LOOK_AHEAD };
  }
  if (path === '/orders') {
    const selected = Number(params.get('order'));
    return {
      page: 'orders',
      query: { states: oneOf(params, 'state', ORDER_STATES), kinds: oneOf(params, 'kind', ORDER_KINDS), selected: Number.isSafeInteger(selected) && selected > 0 ? selected : null },
    };
  }
  if (path === '/purchase') {
    const tab = params.get('tab');
    return { page: 'purchase', tab: (PURCHASE_TABS as readonly string[]).includes(tab ?? '') ? (tab as PurchaseTab) : 'buy' };
  }
  const po = /^\/purchase\/po\/(new|\d{1,9})$/.exec(path);
  if (po) {
    const licenseIds = (params.get('licenses') ?? '').split(',').map(positiveInt).filter((n): n is number => n !== null).slice(0, 500);
    return { page: 'po', id: po[1] === 'new' ? null : Number(po[1]), orderId: positiveInt(params.get('order')), licenseIds, quoteId: positiveInt(params.get('quote')) };
  }
  return { page: 'dashboard' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'license':
      return `#/licenses/${route.id}`;
    case 'licenses':
      return withQuery('#/licenses', listQueryParams(route.query));
    case 'projects':
      return withQuery('#/projects', new URLSearchParams(route.query.search ? { [P.search]: route.query.search } : {}));
    case 'settings':
      return route.section ? `#/settings?section=${route.section}` : '#/settings';
    case 'audit': {
      const q = route.query;
      const params = new URLSearchParams();
      if (q.licenseId !== null) params.set('license', String(q.licenseId));
      if (q.itemId !== null) params.set('item', q.itemId);
      if (q.kind !== null) params.set('kind', q.kind);
      if (q.from !== null) params.set('from', q.from);
      if (q.to !== null) params.set('to', q.to);
      return withQuery('#/settings/audit', params);
    }
    case 'notifications':
      return route.day ? `#/notifications?day=${route.day}` : '#/notifications';
    case 'renewals':
      return withQuery('#/renewals', new URLSearchParams(route.days !== DEFAULT_LOOK_AHEAD ? { [P.within]: String(route.days) } : {}));
    case 'orders': {
      const params = new URLSearchParams();
      route.query.states.forEach((v) => params.append('state', v));
      route.query.kinds.forEach((v) => params.append('kind', v));
      if (route.query.selected !== null) params.set('order', String(route.query.selected));
      return withQuery('#/orders', params);
    }
    case 'purchase':
      return route.tab === 'buy' ? '#/purchase' : `#/purchase?tab=${route.tab}`;
    case 'po': {
      const params = new URLSearchParams();
      if (route.orderId) params.set('order', String(route.orderId));
      if (route.licenseIds.length) params.set('licenses', route.licenseIds.join(','));
      if (route.quoteId) params.set('quote', String(route.quoteId));
      return withQuery(`#/purchase/po/${route.id ?? 'new'}`, params);
    }
    default:
      return '#/';
  }
}

export { NO_PROJECT };
