import type { keysChannels } from '../../../../shared/ipc/contract/keys.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function keysHandlers(s: Pick<Services, 'projects' | 'keys'>): HandlersFor<typeof keysChannels> {
  return {
    'keys:reveal': ({ id }) => ({ key: s.projects.revealKey(id) }),
    'keys:check': ({ text }) => s.keys.check(text),
    'keys:import': ({ text, mode }) => s.keys.import(text, mode),
    'keys:unassigned': () => s.projects.unassignedKeys(),
  };
}
