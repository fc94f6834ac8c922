import type { projectsChannels } from '../../../../shared/ipc/contract/projects.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function projectsHandlers(s: Pick<Services, 'projects' | 'fulfilment'>): HandlersFor<typeof projectsChannels> {
  return {
    'projects:list': () => s.projects.list(),
    'projects:get': ({ id }) => s.projects.get(id),
    'projects:byCode': ({ handshakeCode }) => s.projects.byCode(handshakeCode),
    'projects:usage': ({ handshakeCode }) => s.fulfilment.projectUsageGroups(handshakeCode),
    'projects:setHosting': ({ handshakeCode, hosting }) => s.projects.setHosting(handshakeCode, hosting),
  };
}
