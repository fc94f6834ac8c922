import type { importsChannels } from '../../../../shared/ipc/contract/imports.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function importsHandlers(s: Pick<Services, 'imports'>): HandlersFor<typeof importsChannels> {
  return {
    'import:preview': (src) => s.imports.preview(src),
    'import:commit': (input) => s.imports.commit(input),
  };
}
