import { create } from 'zustand';
import type { DashboardSummary } from '../../../../shared/domain/dashboard';
import { call } from '../../api/client';

interface DashboardState {
  summary: DashboardSummary | null;
  /** The local date the summary was computed for. */
  asOf: string | null;
  loading: boolean;
  error: string | null;
  load(asOf: string): Promise<void>;
}

// Counts each request so an answer that arrives after a newer request started is dropped.
let latest = 0;

/**
 * The dashboard's server data. The previous summary stays on screen while a reload runs, so the page
 * does not flash empty when the date rolls over or the user returns to it.
 */
export const useDashboard = create<DashboardState>((set) => ({
  summary: null,
  asOf: null,
  loading: false,
  error: null,
  async load(asOf) {
    const request = ++latest;
    set({ loading: true });
    try {
      const summary = await call('dashboard:summary', { asOf });
      if (request === latest) set({ summary, asOf, error: null });
    } catch (err) {
      if (request === latest) set({ error: (err as Error).message });
    } finally {
      if (request === latest) set({ loading: false });
    }
  },
}));
