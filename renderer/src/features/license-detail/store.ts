import { create } from 'zustand';
import type { LicenseItem, NewLicenseInput } from '../../../../shared/domain/license';
import type { Product } from '../../../../shared/domain/product';
import type { Project } from '../../../../shared/domain/project';
import type { HistoryEntry, UsageSnapshot } from '../../../../shared/domain/usage';
import { call, IpcError } from '../../api/client';

/** A section's server data: loading until the first answer, then the value or what went wrong. */
export type Loadable<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

/** The project behind the item's handshake code; `none` when the item names no project. */
export type ProjectInfo = { kind: 'none' } | { kind: 'missing'; code: string } | { kind: 'found'; project: Project };

interface DetailState {
  id: number | null;
  /** `missing` once main says the item does not exist (deleted, or a stale link). */
  item: Loadable<LicenseItem> | { state: 'missing' };
  usage: Loadable<UsageSnapshot[]>;
  drawOrder: Loadable<LicenseItem[]>;
  history: Loadable<HistoryEntry[]>;
  project: Loadable<ProjectInfo>;
  products: Product[];
  /** Loads everything for `id`, dropping what an earlier page showed. */
  open(id: number): void;
  /** Fetches everything again for the open item, keeping the current figures on screen meanwhile. */
  refresh(): Promise<void>;
  update(fields: NewLicenseInput): Promise<LicenseItem>;
  addUsage(takenOn: string, used: number): Promise<UsageSnapshot>;
}

const LOADING = { state: 'loading' } as const;

function failed(err: unknown): { state: 'error'; message: string } {
  return { state: 'error', message: err instanceof Error ? err.message : String(err) };
}

async function loadProject(code: string | null): Promise<ProjectInfo> {
  if (!code) return { kind: 'none' };
  try {
    return { kind: 'found', project: await call('projects:byCode', { handshakeCode: code }) };
  } catch (err) {
    if (err instanceof IpcError && err.code === 'NOT_FOUND') return { kind: 'missing', code };
    throw err;
  }
}

/**
 * Server data for one license's detail page. Revealed key text is deliberately NOT kept here: it lives
 * only in the key row component that asked for it, so it is gone when that row unmounts.
 */
export const useLicenseDetail = create<DetailState>((set, get) => {
  /** Runs one request and stores its answer, unless the page moved on to another item meanwhile. */
  function fetchInto<K extends 'usage' | 'drawOrder' | 'history'>(id: number, key: K, request: () => Promise<Extract<DetailState[K], { state: 'ready' }>['value']>) {
    return request().then(
      (value) => {
        if (get().id === id) set({ [key]: { state: 'ready', value } } as Partial<DetailState>);
      },
      (err: unknown) => {
        if (get().id === id) set({ [key]: failed(err) } as Partial<DetailState>);
      },
    );
  }

  async function fetchItemAndProject(id: number): Promise<void> {
    try {
      const item = await call('licenses:get', { id });
      if (get().id !== id) return;
      set({ item: { state: 'ready', value: item } });
      try {
        const project = await loadProject(item.projectCode);
        if (get().id === id) set({ project: { state: 'ready', value: project } });
      } catch (err) {
        if (get().id === id) set({ project: failed(err) });
      }
    } catch (err) {
      if (get().id !== id) return;
      set({ item: err instanceof IpcError && err.code === 'NOT_FOUND' ? { state: 'missing' } : failed(err) });
    }
  }

  function fetchAll(id: number): Promise<unknown> {
    return Promise.all([
      fetchItemAndProject(id),
      fetchInto(id, 'usage', () => call('usage:list', { licenseId: id })),
      fetchInto(id, 'drawOrder', () => call('licenses:drawOrder', { id })),
      fetchInto(id, 'history', () => call('licenses:history', { id })),
    ]);
  }

  return {
    id: null,
    item: LOADING,
    usage: LOADING,
    drawOrder: LOADING,
    history: LOADING,
    project: LOADING,
    products: [],
    open(id) {
      set({ id, item: LOADING, usage: LOADING, drawOrder: LOADING, history: LOADING, project: LOADING });
      void fetchAll(id);
      if (get().products.length === 0) {
        call('products:list').then(
          (products) => set({ products }),
          () => undefined, // Only the edit form needs products; it reports its own save errors.
        );
      }
    },
    async refresh() {
      const { id } = get();
      if (id !== null) await fetchAll(id);
    },
    async update(fields) {
      const id = get().id;
      if (id === null) throw new Error('No license is open.');
      const updated = await call('licenses:update', { id, fields });
      if (get().id === id) set({ item: { state: 'ready', value: updated } });
      // Expiry, quota or project may have changed: the draw order, history and project all follow.
      void fetchAll(id);
      return updated;
    },
    async addUsage(takenOn, used) {
      const id = get().id;
      if (id === null) throw new Error('No license is open.');
      const snapshot = await call('usage:add', { licenseId: id, takenOn, used });
      // The item's latest usage (and so its status), the list, the draw order's bars and history all move.
      void fetchAll(id);
      return snapshot;
    },
  };
});
