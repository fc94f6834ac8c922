import { z } from 'zod';
import { RestoreOffer } from '../../domain/backups.js';
import { read } from './define.js';

export const appChannels = {
  'app:info': read(z.undefined(), z.strictObject({ version: z.string(), dataDir: z.string(), schemaVersion: z.number().int(), notices: z.array(z.string()), restoreOffer: RestoreOffer.nullable() })),
} as const;
