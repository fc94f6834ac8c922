import { z } from 'zod';
import { read } from './define.js';

export const appChannels = {
  'app:info': read(z.undefined(), z.strictObject({ version: z.string(), dataDir: z.string(), schemaVersion: z.number().int(), notices: z.array(z.string()) })),
} as const;
