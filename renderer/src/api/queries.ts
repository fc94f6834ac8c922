import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { LicenseItem } from '../../../shared/domain/license';
import type { Project } from '../../../shared/domain/project';
import type { LicenseView, ProjectGroup } from '../../../shared/domain/query';
import { call, IpcError } from './client';

/**
 * The renderer's one cache of server data (TanStack Query). Every read has one entry here, keyed by
 * what it was asked with, so an answer can only ever land in the entry of the question it answers:
 * a late reply to an old search or an item the user has left fills that old entry and is never shown
 * for the current one. That is the only guard against out-of-order answers in the renderer.
 *
 * Entries never go stale by time (`staleTime: Infinity`); they are refetched when a write names their
 * domain (mutations.ts) or main says the data changed. The first key part is always the domain.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  },
});

/** What a query's data belongs to; a write invalidates the domains it changes. */
export const DOMAINS = ['settings', 'products', 'licenses', 'projects', 'keys', 'dashboard', 'orders', 'company', 'po', 'resellers', 'purchases'] as const;
export type Domain = (typeof DOMAINS)[number];

/** Refetches what is on screen and marks the rest stale, for every entry of these domains. */
export function invalidateDomains(domains: readonly Domain[]): Promise<void> {
  return Promise.all(domains.map((d) => queryClient.invalidateQueries({ queryKey: [d] }))).then(() => undefined);
}

/** Rows per list request: the table fetches the blocks it shows, never the whole list. */
export const BLOCK_SIZE = 100;

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

export const queries = {
  settings: () => queryOptions({ queryKey: ['settings'], queryFn: () => call('settings:get') }),
  /** The one products list: Settings adds to it, every form and filter reads it. */
  products: () => queryOptions({ queryKey: ['products'], queryFn: () => call('products:list') }),
  dashboard: (asOf: string) => queryOptions({ queryKey: ['dashboard', asOf], queryFn: () => call('dashboard:summary', { asOf }) }),

  listHead: (view: LicenseView) =>
    queryOptions({
      queryKey: ['licenses', 'list', view, 'head'],
      queryFn: async (): Promise<ListHead> => {
        const [page, groups] = await Promise.all([
          call('licenses:list', { ...view, offset: 0, limit: BLOCK_SIZE }),
          view.groupByProject ? call('licenses:groups', view) : NO_GROUPS,
        ]);
        return { view, total: page.total, rows: page.rows, groups };
      },
    }),
  listBlock: (view: LicenseView, block: number) =>
    queryOptions({
      queryKey: ['licenses', 'list', view, block],
      queryFn: async () => (await call('licenses:list', { ...view, offset: block * BLOCK_SIZE, limit: BLOCK_SIZE })).rows,
    }),

  license: (id: number) => queryOptions({ queryKey: ['licenses', 'item', id], queryFn: () => call('licenses:get', { id }) }),
  usage: (id: number) => queryOptions({ queryKey: ['licenses', 'item', id, 'usage'], queryFn: () => call('usage:list', { licenseId: id }) }),
  drawOrder: (id: number) => queryOptions({ queryKey: ['licenses', 'item', id, 'drawOrder'], queryFn: () => call('licenses:drawOrder', { id }) }),
  history: (id: number) => queryOptions({ queryKey: ['licenses', 'item', id, 'history'], queryFn: () => call('licenses:history', { id }) }),

  projects: () => queryOptions({ queryKey: ['projects', 'list'], queryFn: () => call('projects:list') }),
  projectByCode: (code: string | null) =>
    queryOptions({
      queryKey: ['projects', 'byCode', code],
      queryFn: async (): Promise<ProjectInfo> => {
        if (!code) return { kind: 'none' };
        try {
          return { kind: 'found', project: await call('projects:byCode', { handshakeCode: code }) };
        } catch (err) {
          if (err instanceof IpcError && err.code === 'NOT_FOUND') return { kind: 'missing', code };
          throw err;
        }
      },
    }),
  unassignedKeys: () => queryOptions({ queryKey: ['keys', 'unassigned'], queryFn: () => call('keys:unassigned') }),
};

/** True when a query failed because main says the thing asked for does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof IpcError && error.code === 'NOT_FOUND';
}
