import { z } from 'zod';
import { Timestamp } from './primitives.js';

/**
 * Why a name is not a plain file name in one folder, or null when it is: no path separator, no "..",
 * nothing that could point a delete anywhere but the quarantine folder itself.
 */
export function plainFileNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return 'A file name is 1 to 255 characters long';
  if (/[/\\]/.test(name)) return 'A file name has no folder in it (no / or \\)';
  if (name.includes('..')) return 'A file name has no ".." in it';
  if ([...name].some((c) => c.charCodeAt(0) < 0x20)) return 'A file name has no control characters';
  return null;
}

export const QuarantineFileName = z.string().superRefine((name, ctx) => {
  const problem = plainFileNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** One file in the data folder's quarantine/: a damaged data file (or its -wal/-shm) moved aside at start. */
export const QuarantinedFile = z.strictObject({
  name: z.string(),
  bytes: z.number().int().min(0),
  modifiedAt: Timestamp,
  /** Its bytes hold a license key in the clear (a file from before keys were encrypted). */
  holdsClearKeys: z.boolean(),
});
export type QuarantinedFile = z.infer<typeof QuarantinedFile>;

export const QuarantineList = z.strictObject({
  folder: z.string(),
  /** Newest first. */
  files: z.array(QuarantinedFile),
  /** What to tell the user while any of them holds clear keys (shown above every page); null otherwise. */
  notice: z.string().nullable(),
});
export type QuarantineList = z.infer<typeof QuarantineList>;
