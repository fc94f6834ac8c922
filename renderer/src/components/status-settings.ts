import { create } from 'zustand';
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from '../../../shared/status/index';
import { call } from '../api/client';

interface State {
  settings: StatusSettings;
  load(): Promise<void>;
  save(settings: StatusSettings): Promise<void>;
}

/** The amber/red day thresholds, kept in the store so every view colours the same way. */
export const useStatusSettings = create<State>((set) => ({
  settings: DEFAULT_STATUS_SETTINGS,
  async load() {
    set({ settings: await call('settings:get') });
  },
  async save(settings) {
    set({ settings: await call('settings:update', settings) });
  },
}));
