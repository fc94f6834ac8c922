import { create } from 'zustand';
import type { LicenseItem, NewLicenseInput } from '../../../../shared/domain/license';
import type { Product } from '../../../../shared/domain/product';
import type { LicenseSortKey } from '../../../../shared/domain/query';
import { call } from '../../api/client';

export const BLOCK_SIZE = 100;

interface LicensesState {
  /** Bumped on every query change so answers to an older query are dropped. */
  generation: number;
  search: string;
  sort: { key: LicenseSortKey; dir: 'asc' | 'desc' };
  total: number | null;
  blocks: Record<number, LicenseItem[]>;
  loading: Record<number, boolean>;
  error: string | null;
  products: Product[];
  loadProducts(): Promise<void>;
  setSearch(search: string): void;
  setSort(key: LicenseSortKey): void;
  reload(): void;
  ensureRange(start: number, end: number): void;
  create(input: NewLicenseInput): Promise<LicenseItem>;
}

/**
 * Server data for the license list, fetched in blocks of BLOCK_SIZE rows as the table scrolls,
 * never the whole list at once.
 */
export const useLicenses = create<LicensesState>((set, get) => {
  async function fetchBlock(block: number, generation: number): Promise<void> {
    const { search, sort } = get();
    set((s) => ({ loading: { ...s.loading, [block]: true } }));
    try {
      const page = await call('licenses:list', { offset: block * BLOCK_SIZE, limit: BLOCK_SIZE, search, sort });
      if (get().generation !== generation) return;
      set((s) => ({ total: page.total, blocks: { ...s.blocks, [block]: page.rows }, error: null }));
    } catch (err) {
      if (get().generation === generation) set({ error: (err as Error).message });
    } finally {
      if (get().generation === generation) set((s) => ({ loading: { ...s.loading, [block]: false } }));
    }
  }

  function restart(patch: Partial<LicensesState>): void {
    const generation = get().generation + 1;
    set({ ...patch, generation, blocks: {}, loading: {} });
    void fetchBlock(0, generation);
  }

  return {
    generation: 0,
    search: '',
    sort: { key: 'expiresOn', dir: 'asc' },
    total: null,
    blocks: {},
    loading: {},
    error: null,
    products: [],
    async loadProducts() {
      set({ products: await call('products:list') });
    },
    setSearch(search) {
      restart({ search });
    },
    setSort(key) {
      const { sort } = get();
      restart({ sort: { key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' } });
    },
    reload() {
      restart({});
    },
    ensureRange(start, end) {
      const { blocks, loading, generation } = get();
      for (let b = Math.floor(start / BLOCK_SIZE); b <= Math.floor(end / BLOCK_SIZE); b++) {
        if (!blocks[b] && !loading[b]) void fetchBlock(b, generation);
      }
    },
    async create(input) {
      const created = await call('licenses:create', input);
      restart({});
      return created;
    },
  };
});

export function rowAt(blocks: Record<number, LicenseItem[]>, index: number): LicenseItem | undefined {
  return blocks[Math.floor(index / BLOCK_SIZE)]?.[index % BLOCK_SIZE];
}
