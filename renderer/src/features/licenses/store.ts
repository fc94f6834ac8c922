import { create } from 'zustand';
import type { LicenseItem, NewLicenseInput } from '../../../../shared/domain/license';
import type { Product } from '../../../../shared/domain/product';
import type { LicenseFilters, LicenseSortKey, LicenseView, ProjectGroup } from '../../../../shared/domain/query';
import { call } from '../../api/client';
import { localIsoDate } from '../../components/useNow';

export const BLOCK_SIZE = 100;

export const NO_FILTERS: LicenseFilters = { productCodes: [], headlines: [], quotaModes: [], projectCodes: [], terms: [], expiresWithinDays: null };

interface LicensesState {
  /** Bumped on every query change so answers to an older query are dropped. */
  generation: number;
  search: string;
  sort: { key: LicenseSortKey; dir: 'asc' | 'desc' };
  filters: LicenseFilters;
  groupByProject: boolean;
  /** The viewer's local date the statuses were computed for. */
  asOf: string;
  total: number | null;
  groups: ProjectGroup[];
  blocks: Record<number, LicenseItem[]>;
  loading: Record<number, boolean>;
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

/**
 * Server data for the license list, fetched in blocks of BLOCK_SIZE rows as the table scrolls,
 * never the whole list at once. Search, filters and sort run in SQLite.
 */
export const useLicenses = create<LicensesState>((set, get) => {
  // Search keystrokes are coalesced, not delayed: the first one queries at once, and keys typed while
  // that query runs wait for it and then query once with the latest text.
  let searchInFlight = false;
  let pendingSearch: string | null = null;

  async function fetchBlock(block: number, generation: number): Promise<void> {
    set((s) => ({ loading: { ...s.loading, [block]: true } }));
    try {
      const page = await call('licenses:list', { ...get().view(), offset: block * BLOCK_SIZE, limit: BLOCK_SIZE });
      if (get().generation !== generation) return;
      set((s) => ({ total: page.total, blocks: { ...s.blocks, [block]: page.rows }, error: null }));
    } catch (err) {
      if (get().generation === generation) set({ error: (err as Error).message });
    } finally {
      if (get().generation === generation) set((s) => ({ loading: { ...s.loading, [block]: false } }));
    }
  }

  async function fetchGroups(generation: number): Promise<void> {
    const groups = get().groupByProject ? await call('licenses:groups', get().view()) : [];
    if (get().generation === generation) set({ groups });
  }

  function restart(patch: Partial<LicensesState>): Promise<void> {
    const generation = get().generation + 1;
    set({ ...patch, generation, blocks: {}, loading: {}, asOf: localIsoDate(new Date()) });
    void fetchGroups(generation);
    return fetchBlock(0, generation);
  }

  return {
    generation: 0,
    search: '',
    sort: { key: 'expiresOn', dir: 'asc' },
    filters: NO_FILTERS,
    groupByProject: false,
    asOf: localIsoDate(new Date()),
    total: null,
    groups: [],
    blocks: {},
    loading: {},
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
      const { blocks, loading, generation } = get();
      for (let b = Math.floor(start / BLOCK_SIZE); b <= Math.floor(end / BLOCK_SIZE); b++) {
        if (!blocks[b] && !loading[b]) void fetchBlock(b, generation);
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

export function activeFilterCount(f: LicenseFilters): number {
  return f.productCodes.length + f.headlines.length + f.quotaModes.length + f.projectCodes.length + f.terms.length + (f.expiresWithinDays === null ? 0 : 1);
}
