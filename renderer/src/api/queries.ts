import { notifyManager, QueryClient, queryOptions, type QueryKey } from '@tanstack/react-query';
import type { BackupPlace } from '../../../shared/domain/backups';
import type { LicenseItem } from '../../../shared/domain/license';
import type { OrderKind, OrderState } from '../../../shared/domain/order';
import type { Project } from '../../../shared/domain/project';
import type { QuotaMode } from '../../../shared/domain/quota';
import type { LicenseView, ProjectGroup } from '../../../shared/domain/query';
import type { DataDomain } from '../../../shared/ipc/events';
import { call, IpcError, onDataChanged } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    /** `reads`: the data domains (channel prefixes) an entry's answer depends on. */
    queryMeta: { reads: readonly DataDomain[] };
  }
}

/**
 * The renderer's one cache of server data (TanStack Query). Every read has one entry here, keyed by
 * what it was asked with, so an answer can only ever land in the entry of the question it answers:
 * a late reply to an old search or an item the user has left fills that old entry and is never shown
 * for the current one. That is the only guard against out-of-order answers in the renderer.
 *
 * Entries never go stale by time (`staleTime: Infinity`). Each names the data domains it reads, and
 * is refetched (when on screen) or marked stale when main says one of them changed: the "data
 * changed" event after every write, whoever made it (connectDataChanges).
 */
/**
 * An answer reaches the components in the task that received it, batched in a microtask, instead of
 * a setTimeout(0) later: that extra task could wait behind a frame or other work (the list's
 * search answer sat there for several ms), and a state set right after an awaited fetch could render
 * before the cache's news (TanStack/query#8815, where the maintainer names queueMicrotask the fix).
 */
notifyManager.setScheduler(queueMicrotask);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  },
});

/** A data domain: a channel prefix (licenses, usage, orders, po, …), as main's events name them. */
export type Domain = DataDomain;

/**
 * Refetches what is on screen and marks the rest stale, for every entry that reads one of `domains`:
 * by its `meta.reads`, or, for an entry made without them, by its key's first part.
 */
export function invalidateDomains(domains: readonly DataDomain[]): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => (q.meta ? q.meta.reads.some((d) => domains.includes(d)) : domains.includes(q.queryKey[0] as DataDomain)),
  });
}

/** Listens for main's "data changed" events for the life of the page. */
export function connectDataChanges(): () => void {
  return onDataChanged(({ domains }) => void invalidateDomains(domains));
}

/**
 * Rows per list request: the table fetches the blocks it shows, never the whole list. 50 is more than a
 * laptop window shows with the overscan, and half of 100 to read, check, send and parse for each search
 * keystroke (browser bench at 100,000 rows: p50 35 → 29–31 ms, p95 46 → 41 ms).
 */
export const BLOCK_SIZE = 50;

/** The first block of a list view with its total and (when grouped) its project groups: they are shown together. */
export interface ListHead {
  view: LicenseView;
  total: number;
  rows: LicenseItem[];
  groups: ProjectGroup[];
}

const NO_GROUPS: ProjectGroup[] = [];

/** The project behind an item's handshake code; `missing` when main knows no such project. */
export type ProjectInfo = { kind: 'none' } | { kind: 'missing'; code: string } | { kind: 'found'; project: Project };

/** One cache entry: its key, how to fetch it, and what it reads. */
function entry<T, K extends QueryKey>(queryKey: K, reads: readonly DataDomain[], queryFn: () => Promise<T>) {
  return queryOptions({ queryKey, queryFn, meta: { reads } });
}

// Statuses depend on the warning days, quota on the latest usage: a license row reads all three.
const LICENSE_ROWS = ['licenses', 'usage', 'settings'] as const;
/** What the due reminders depend on. */
const REMINDER_READS = ['reminders', 'licenses', 'usage', 'orders'] as const;

export const queries = {
  /** Version and start notices: they change with a restart, and a restore answers the start's restore offer. */
  appInfo: () => queryOptions({ queryKey: ['app', 'info'], queryFn: () => call('app:info'), staleTime: Infinity, meta: { reads: ['backups'] as readonly DataDomain[] } }),
  settings: () => entry(['settings'], ['settings'], () => call('settings:get')),
  saveFolder: () => entry(['settings', 'saveFolder'], ['settings'], () => call('settings:saveFolder')),
  /** The one products list: Settings adds to it, every form and filter reads it. */
  products: () => entry(['products'], ['products'], () => call('products:list')),
  dashboard: (asOf: string) => entry(['dashboard', asOf], LICENSE_ROWS, () => call('dashboard:summary', { asOf })),

  listHead: (view: LicenseView) =>
    entry(['licenses', 'list', view, 'head'], LICENSE_ROWS, async (): Promise<ListHead> => {
      const [page, groups] = await Promise.all([
        call('licenses:list', { ...view, offset: 0, limit: BLOCK_SIZE }),
        view.groupByProject ? call('licenses:groups', view) : NO_GROUPS,
      ]);
      return { view, total: page.total, rows: page.rows, groups };
    }),
  listBlock: (view: LicenseView, block: number) =>
    entry(['licenses', 'list', view, block], LICENSE_ROWS, async () => (await call('licenses:list', { ...view, offset: block * BLOCK_SIZE, limit: BLOCK_SIZE })).rows),

  /** Licenses a pasted key's project may be linked to: those on any of these projects (NO_PROJECT for none), up to 500. */
  linkCandidates: (asOf: string, projectCodes: string[]) =>
    entry(['licenses', 'linkCandidates', asOf, projectCodes], LICENSE_ROWS, async () =>
      (await call('licenses:list', { asOf, filters: { projectCodes }, sort: { key: 'product', dir: 'asc' }, limit: 500 })).rows,
    ),
  license: (id: number) => entry(['licenses', 'item', id], LICENSE_ROWS, () => call('licenses:get', { id })),
  usage: (id: number) => entry(['licenses', 'item', id, 'usage'], ['usage'], () => call('usage:list', { licenseId: id })),
  drawOrder: (id: number) => entry(['licenses', 'item', id, 'drawOrder'], LICENSE_ROWS, () => call('licenses:drawOrder', { id })),
  history: (id: number) => entry(['licenses', 'item', id, 'history'], ['licenses', 'usage'], () => call('licenses:history', { id })),

  // A project shows its keys and how many items draw on it.
  projects: () => entry(['projects', 'list'], ['projects', 'keys', 'licenses'], () => call('projects:list')),
  projectByCode: (code: string | null) =>
    entry(['projects', 'byCode', code], ['projects', 'keys', 'licenses'], async (): Promise<ProjectInfo> => {
      if (!code) return { kind: 'none' };
      try {
        return { kind: 'found', project: await call('projects:byCode', { handshakeCode: code }) };
      } catch (err) {
        if (err instanceof IpcError && err.code === 'NOT_FOUND') return { kind: 'missing', code };
        throw err;
      }
    }),
  orders: (query: { states: OrderState[]; kinds: OrderKind[] }) => entry(['orders', 'list', query], ['orders'], () => call('orders:list', query)),
  order: (id: number) => entry(['orders', 'item', id], ['orders'], () => call('orders:get', { id })),
  ordersForLicense: (licenseId: number) => entry(['orders', 'forLicense', licenseId], ['orders'], () => call('orders:forLicense', { licenseId })),
  /** Open order lines a license could be the arrival for: an order or any license write can change them. */
  candidates: (licenseId: number) => entry(['orders', 'candidates', licenseId], ['orders', 'licenses'], () => call('orders:candidates', { licenseId })),
  lineage: (licenseId: number) => entry(['orders', 'lineage', licenseId], ['orders', 'licenses'], () => call('orders:lineage', { licenseId })),
  projectUsage: (handshakeCode: string, productCode: string, quotaMode: QuotaMode) =>
    entry(['licenses', 'projectUsage', handshakeCode, productCode, quotaMode], ['licenses', 'usage'], () => call('orders:projectUsage', { handshakeCode, productCode, quotaMode })),
  /** A project's quota per product and mode, with readings (the Projects page's forecast). */
  projectUsageGroups: (handshakeCode: string) => entry(['licenses', 'projectUsageGroups', handshakeCode], ['licenses', 'usage'], () => call('projects:usage', { handshakeCode })),
  /** Licenses expiring within `days` of `asOf`, soonest first (the Upcoming renewals page). */
  upcoming: (asOf: string, days: number) =>
    entry(['licenses', 'upcoming', asOf, days], LICENSE_ROWS, async () => (await call('licenses:list', { asOf, filters: { expiresWithinDays: days }, sort: { key: 'expiresOn', dir: 'asc' }, limit: 500 })).rows),
  unassignedKeys: () => entry(['keys', 'unassigned'], ['keys'], () => call('keys:unassigned')),
  /**
   * What is due on the viewer's `asOf` day: one page of it as digests (the notifications page), or only
   * how many (the bell). Both follow the licenses' expiry and usage, and open renewal orders (a license
   * in progress reminds only about its order).
   */
  reminderPage: (asOf: string, offset: number, limit: number) => entry(['reminders', 'due', asOf, offset, limit], REMINDER_READS, () => call('reminders:list', { asOf, offset, limit })),
  reminderCount: (asOf: string) => entry(['reminders', 'count', asOf], REMINDER_READS, () => call('reminders:count', { asOf })),
  backups: () => entry(['backups', 'list'], ['backups'], () => call('backups:list')),
  /** What a backup holds against the data now: the current side changes with every write. */
  backupCompare: (name: string, from?: BackupPlace) => entry(['backups', 'compare', name, from ?? 'any'], ['backups', 'licenses', 'projects', 'orders', 'usage'], () => call('backups:compare', { name, from })),
  /** The data folder's quarantine/: its files, and the notice while any holds clear keys (above every page). */
  quarantine: () => entry(['quarantine', 'list'], ['quarantine'], () => call('quarantine:list')),
  reminderSettings: () => entry(['reminders', 'settings'], ['reminders'], () => call('reminders:settings')),
  /** Who shows the desktop digest (the system, or this page with the browser's permission) and the last one shown. */
  reminderDesktop: () => entry(['reminders', 'desktop'], ['reminders'], () => call('reminders:desktop')),
};

/** True when a query failed because main says the thing asked for does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof IpcError && error.code === 'NOT_FOUND';
}
