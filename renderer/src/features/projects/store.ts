import { create } from 'zustand';
import type { Project, StoredKey } from '../../../../shared/domain/project';
import { call } from '../../api/client';

interface ProjectsState {
  /** null until the first answer arrives. */
  projects: Project[] | null;
  /** Trial, offline and device keys, which belong to no project. */
  unassigned: StoredKey[];
  error: string | null;
  load(): Promise<void>;
}

export const useProjects = create<ProjectsState>((set) => ({
  projects: null,
  unassigned: [],
  error: null,
  async load() {
    try {
      const [projects, unassigned] = await Promise.all([call('projects:list'), call('keys:unassigned')]);
      set({ projects, unassigned, error: null });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
}));
