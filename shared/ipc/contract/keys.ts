import { z } from 'zod';
import { KeyCheck, StoredKey } from '../../domain/project.js';
import { Id, Text } from './common.js';
import { read, write } from './define.js';

export const keysChannels = {
  /** A read that the audit log still records: it shows a secret. */
  'keys:reveal': read(Id, z.strictObject({ key: z.string() })),
  'keys:check': read(Text, z.array(KeyCheck)),
  'keys:import': write(
    z.strictObject({ text: z.string().max(256 * 1024), mode: z.enum(['all-or-nothing', 'valid-only']).default('all-or-nothing') }),
    z.strictObject({ written: z.boolean(), message: z.string(), checks: z.array(KeyCheck) }),
  ),
  'keys:unassigned': read(z.undefined(), z.array(StoredKey)),
} as const;
