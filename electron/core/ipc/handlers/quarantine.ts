import type { quarantineChannels } from '../../../../shared/ipc/contract/quarantine.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function quarantineHandlers(s: Pick<Services, 'quarantine'>): HandlersFor<typeof quarantineChannels> {
  return {
    'quarantine:list': () => s.quarantine.list(),
    'quarantine:delete': ({ name }) => s.quarantine.delete(name),
  };
}
