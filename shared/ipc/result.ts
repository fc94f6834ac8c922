import { z } from 'zod';

/** Error codes that cross IPC. The renderer switches on these; messages are for people. */
export const IPC_ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'UNTRUSTED_SENDER',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  /** License keys cannot be decrypted (the OS key store changed); everything else still works. */
  'LOCKED',
  /** The user cancelled a long job; nothing it would have written was written. */
  'CANCELLED',
  /** The disk is full; nothing was changed. */
  'DISK_FULL',
  /** The data folder cannot be written (read-only files, a read-only disk); the app is open read-only. */
  'READ_ONLY',
  /** Another writer holds the database; try again. */
  'BUSY',
  /** The values are readable but unlikely (a usage far over quota); sending them again with confirmation stores them. */
  'NEEDS_CONFIRMATION',
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export const FieldIssue = z.strictObject({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const IpcErrorShape = z.strictObject({
  code: z.enum(IPC_ERROR_CODES),
  message: z.string(),
  /** Per-field problems for INVALID_INPUT and CONFLICT, so forms can show them in place. */
  issues: z.array(FieldIssue).optional(),
});
export type IpcErrorShape = z.infer<typeof IpcErrorShape>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorShape };
