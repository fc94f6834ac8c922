import type { importsChannels } from '../../../../shared/ipc/contract/imports.js';
import type { JobServices } from '../../jobs/services.js';
import type { HandlersFor } from './types.js';

export function importsHandlers(j: Pick<JobServices, 'imports'>): HandlersFor<typeof importsChannels> {
  return {
    'import:stage': (input) => j.imports.stage(input),
    'import:preview': (input) => j.imports.preview(input),
    'import:commit': (input) => j.imports.commit(input),
    'import:discard': (input) => j.imports.discard(input),
  };
}
