import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Below this window width the side bar starts as a rail of icons, so the license list keeps its columns. */
export const RAIL_BELOW = 1200;

interface NavState {
  /** The person's choice, kept across restarts; null until they first toggle it. */
  collapsed: boolean | null;
  toggle(): void;
}

export const useNavState = create<NavState>()(
  persist(
    (set, get) => ({
      collapsed: null,
      toggle: () => set({ collapsed: !isCollapsed(get().collapsed) }),
    }),
    { name: 'license-desk.nav', partialize: (s) => ({ collapsed: s.collapsed }) },
  ),
);

/** The stored choice, else a rail on a narrow window. */
export function isCollapsed(choice: boolean | null, width = typeof window === 'undefined' ? Infinity : window.innerWidth): boolean {
  return choice ?? width < RAIL_BELOW;
}
