import { create } from 'zustand';
import type { LicenseItem, NewLicenseInput } from '../../../../shared/domain/license';
import type { Product } from '../../../../shared/domain/product';
import type { LicenseFilters, LicenseSortKey, LicenseView, ProjectGroup } from '../../../../shared/domain/query';
export { activeFilterCount } from '../../../../shared/domain/query';
import { call } from '../../api/client';
import { localIsoDate } from '../../components/useNow';

export const BLOCK_SIZE = 100;

export const NO_FILTERS: LicenseFilters = { productCodes: [], headlines: [], quotaModes: [], projectCodes: [], terms: [], expiresWithinDays: null };

const NO_GROUPS: ProjectGroup[] = [];

interface LicensesState {
  /** Bumped on every query change so answers to an older query are dropped. */
  generation: number;
  /**
   * The generation `total`, `groups` and `blocks` belong to. It lags `generation` while a new query's
   * first block is on its way: the previous rows stay on screen until then (stale-while-revalidate)
   * and are swapped for the new ones in one update.
   */
  shownGeneration: number;
  search: string;
  sort: { key: LicenseSortKey; dir: 'asc' | 'desc' };
  filters: LicenseFilters;
  groupByProject: boolean;
  /** The viewer's local date the statuses were computed for. */
  asOf: string;
  /** Rows, count and project groups on screen (of `shownGeneration`). */
  total: number | null;
  groups: ProjectGroup[];
  blocks: Record<number, LicenseItem[]>;
  error: string | null;
  products: Product[];
  loadProducts(): Promise<void>;
  setSearch(search: string): void;
  setSort(key: LicenseSortKey): void;
  setFilters(patch: Partial<LicenseFilters>): void;
  clearFilters(): void;
  setGroupByProject(on: boolean): void;
  reload(): void;
  ensureRange(start: number, end: number): void;
  create(input: NewLicenseInput): Promise<LicenseItem>;
  view(): LicenseView;
}

/** What has arrived for a query that is not on screen yet. */
interface Pending {
  generation: number;
  grouped: boolean;
  total: number | null;
  blocks: Record<number, LicenseItem[]>;
  groups: ProjectGroup[] | null;
  /** Block 0 failed: the swap happens anyway, without rows (as before there was a swap). */
  failed: boolean;
  /** A request for this query failed, so the swap leaves the error on screen. */
  errored: boolean;
}

/**
 * Server data for the license list, fetched in blocks of BLOCK_SIZE rows as the table scrolls,
 * never the whole list at once. Search, filters and sort run in SQLite.
 */
export const useLicenses = create<LicensesState>((set, get) => {
  // Search keystrokes are coalesced, not delayed: the first one queries at once, and keys typed while
  // that query runs wait for it and then query once with the latest text.
  let searchInFlight = false;
  let pendingSearch: string | null = null;
  // Blocks being fetched for the current generation (not state: nothing renders from it).
  let loading = new Set<number>();
  // The rows the table last asked for, to fetch them for a new query once its first block is shown.
  let lastRange: { start: number; end: number } | null = null;
  let pending: Pending | null = null;

  /** Shows the pending query once its first block (and its groups, when grouped) have arrived. */
  function commitIfReady(): void {
    const p = pending;
    if (!p || p.generation !== get().generation) return;
    if (!p.failed && (p.total === null || (p.grouped && p.groups === null))) return;
    pending = null;
    set({
      shownGeneration: p.generation,
      ...(p.total === null ? {} : { total: p.total }),
      blocks: p.blocks,
      groups: p.groups ?? NO_GROUPS,
      ...(p.errored ? {} : { error: null }),
    });
    // The table's visible range may reach past block 0 (when scrolled): fetch it for the new rows.
    if (lastRange) get().ensureRange(lastRange.start, lastRange.end);
  }

  async function fetchBlock(block: number, generation: number): Promise<void> {
    loading.add(block);
    const mine = loading;
    try {
      const page = await call('licenses:list', { ...get().view(), offset: block * BLOCK_SIZE, limit: BLOCK_SIZE });
      if (get().generation !== generation) return;
      if (pending?.generation === generation) {
        pending.blocks = { ...pending.blocks, [block]: page.rows };
        if (block === 0) pending.total = page.total;
        commitIfReady();
      } else {
        set((s) => ({ total: page.total, blocks: { ...s.blocks, [block]: page.rows }, error: null }));
      }
    } catch (err) {
      if (get().generation !== generation) return;
      set({ error: (err as Error).message });
      if (block === 0 && pending?.generation === generation) {
        pending.failed = true;
        pending.errored = true;
        commitIfReady();
      }
    } finally {
      mine.delete(block);
    }
  }

  /** The project groups of a grouped query; they are swapped in together with its first block. */
  async function fetchGroups(generation: number): Promise<void> {
    let groups: ProjectGroup[] = NO_GROUPS;
    try {
      groups = await call('licenses:groups', get().view());
    } catch (err) {
      if (get().generation !== generation) return;
      set({ error: (err as Error).message });
      if (pending?.generation === generation) pending.errored = true;
    }
    if (get().generation !== generation) return;
    if (pending?.generation === generation) {
      pending.groups = groups;
      commitIfReady();
    } else {
      set({ groups });
    }
  }

  function restart(patch: Partial<LicensesState>): Promise<void> {
    const generation = get().generation + 1;
    // The rows on screen stay until the new query's first block arrives (see commitIfReady).
    set({ ...patch, generation, asOf: localIsoDate(new Date()) });
    const grouped = get().groupByProject;
    pending = { generation, grouped, total: null, blocks: {}, groups: grouped ? null : NO_GROUPS, failed: false, errored: false };
    loading = new Set();
    if (grouped) void fetchGroups(generation);
    return fetchBlock(0, generation);
  }

  return {
    generation: 0,
    shownGeneration: 0,
    search: '',
    sort: { key: 'expiresOn', dir: 'asc' },
    filters: NO_FILTERS,
    groupByProject: false,
    asOf: localIsoDate(new Date()),
    total: null,
    groups: NO_GROUPS,
    blocks: {},
    error: null,
    products: [],
    view() {
      const { search, sort, filters, groupByProject, asOf } = get();
      return { search, sort, filters, groupByProject, asOf };
    },
    async loadProducts() {
      set({ products: await call('products:list') });
    },
    setSearch(search) {
      if (searchInFlight) {
        pendingSearch = search;
        return;
      }
      searchInFlight = true;
      void restart({ search }).finally(() => {
        searchInFlight = false;
        const next = pendingSearch;
        pendingSearch = null;
        if (next !== null && next !== get().search) get().setSearch(next);
      });
    },
    setSort(key) {
      const { sort } = get();
      void restart({ sort: { key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' } });
    },
    setFilters(patch) {
      void restart({ filters: { ...get().filters, ...patch } });
    },
    clearFilters() {
      void restart({ filters: NO_FILTERS });
    },
    setGroupByProject(on) {
      void restart({ groupByProject: on });
    },
    reload() {
      void restart({});
    },
    ensureRange(start, end) {
      lastRange = { start, end };
      const { blocks, generation, shownGeneration, total } = get();
      // Rows on screen are an older query's: only block 0 of the new one is fetched until it is shown.
      if (shownGeneration !== generation) return;
      const last = Math.min(Math.floor(end / BLOCK_SIZE), total === null ? 0 : Math.max(0, Math.ceil(total / BLOCK_SIZE) - 1));
      for (let b = Math.floor(start / BLOCK_SIZE); b <= last; b++) {
        if (!blocks[b] && !loading.has(b)) void fetchBlock(b, generation);
      }
    },
    async create(input) {
      const created = await call('licenses:create', input);
      void restart({});
      return created;
    },
  };
});

export function rowAt(blocks: Record<number, LicenseItem[]>, index: number): LicenseItem | undefined {
  return blocks[Math.floor(index / BLOCK_SIZE)]?.[index % BLOCK_SIZE];
}

