import type { backupsChannels } from '../../../../shared/ipc/contract/backups.js';
import type { JobServices } from '../../jobs/services.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function backupsHandlers(s: Pick<Services, 'backups'>, jobs: Pick<JobServices, 'backups'>): HandlersFor<typeof backupsChannels> {
  return {
    'backups:list': () => s.backups.list(),
    'backups:create': () => jobs.backups.take('manual'),
    'backups:chooseFolder': ({ path }) => s.backups.chooseSecondFolder(path),
    'backups:clearFolder': () => s.backups.clearSecondFolder(),
    'backups:compare': ({ name, from }) => s.backups.compare(name, from),
    'backups:restore': ({ name, from }) => s.backups.restore(name, from),
  };
}
