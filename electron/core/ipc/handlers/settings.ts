import type { settingsChannels } from '../../../../shared/ipc/contract/settings.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function settingsHandlers(s: Pick<Services, 'settings' | 'licenses' | 'saveFolder'>): HandlersFor<typeof settingsChannels> {
  return {
    'settings:get': () => s.settings.status(),
    'settings:update': (input) => s.settings.updateStatus(input),
    'settings:saveFolder': () => s.saveFolder.info(),
    'settings:setSaveFolder': (input) => s.saveFolder.set(input.folder),
    'products:list': () => s.licenses.products(),
    'products:create': (p) => s.licenses.createProduct(p),
  };
}
