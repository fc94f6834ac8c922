import { z } from 'zod';
import { JobProgress } from '../events.js';
import { read } from './define.js';

/** Long work (imports, exports, later documents and backups) runs as jobs; these manage them. */
export const jobsChannels = {
  /** Jobs queued or running now, so a page opened meanwhile can show them. */
  'jobs:active': read(z.undefined(), z.array(JobProgress)),
  /** A cancelled job writes nothing; false when it had already finished. */
  'jobs:cancel': read(z.strictObject({ jobId: z.string().max(64) }), z.strictObject({ cancelled: z.boolean() })),
} as const;
