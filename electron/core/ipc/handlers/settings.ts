import type { settingsChannels } from '../../../../shared/ipc/contract/settings.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function settingsHandlers(s: Pick<Services, 'settings' | 'licenses'>): HandlersFor<typeof settingsChannels> {
  return {
    'settings:get': () => s.settings.status(),
    'settings:update': (input) => s.settings.updateStatus(input),
    'products:list': () => s.licenses.products(),
    'products:create': (p) => s.licenses.createProduct(p),
  };
}
