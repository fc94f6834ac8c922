import type { auditChannels } from '../../../../shared/ipc/contract/audit.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function auditHandlers(s: Pick<Services, 'audit'>): HandlersFor<typeof auditChannels> {
  return {
    'audit:list': (q) => s.audit.list(q),
    'audit:verify': () => s.audit.verify(),
    'audit:export': ({ format }) => s.audit.export(format),
  };
}
