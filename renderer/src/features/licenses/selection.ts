import { create } from 'zustand';
import type { LicenseItem } from '../../../../shared/domain/license';

interface SelectionState {
  /** The ticked rows, by id, as they were when ticked (the wizard re-reads nothing it needs). */
  items: ReadonlyMap<number, LicenseItem>;
  toggle(item: LicenseItem): void;
  clear(): void;
}

/**
 * The list's multi-selection for "Renew selected". Each checkbox subscribes to its own row's entry, so
 * ticking one re-renders one cell, not the virtualized table.
 */
export const useSelection = create<SelectionState>((set) => ({
  items: new Map(),
  toggle: (item) =>
    set((s) => {
      const items = new Map(s.items);
      if (items.has(item.id)) items.delete(item.id);
      else items.set(item.id, item);
      return { items };
    }),
  clear: () => set({ items: new Map() }),
}));
