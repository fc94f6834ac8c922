import { z } from 'zod';
import { read } from './define.js';

const SavedPath = z.strictObject({ path: z.string().min(1).max(4096) });
const Done = z.strictObject({ done: z.literal(true) });

/** Files License Desk saved since it started (exports, and later documents): open one, or show it in its folder. */
export const filesChannels = {
  'files:open': read(SavedPath, Done),
  'files:reveal': read(SavedPath, Done),
} as const;
