import { z } from 'zod';
import { QuarantineFileName, QuarantineList } from '../../domain/quarantine.js';
import { read, write } from './define.js';

/** The data folder's quarantine/: what is in it (never the files' contents), and deleting one file of it. */
export const quarantineChannels = {
  'quarantine:list': read(z.undefined(), QuarantineList),
  /** Deletes one listed file by its plain name; answers the list as it is afterwards. */
  'quarantine:delete': write(z.strictObject({ name: QuarantineFileName }), QuarantineList),
} as const;
