import type { filesChannels } from '../../../../shared/ipc/contract/files.js';
import type { jobsChannels } from '../../../../shared/ipc/contract/jobs.js';
import type { JobServices } from '../../jobs/services.js';
import type { HandlersFor } from './types.js';

export function jobsHandlers(j: Pick<JobServices, 'jobs'>): HandlersFor<typeof jobsChannels> {
  return {
    'jobs:active': () => j.jobs.active(),
    'jobs:cancel': (input) => j.jobs.cancel(input),
  };
}

export function filesHandlers(j: Pick<JobServices, 'files'>): HandlersFor<typeof filesChannels> {
  return {
    'files:open': (input) => j.files.open(input),
    'files:reveal': (input) => j.files.reveal(input),
  };
}
