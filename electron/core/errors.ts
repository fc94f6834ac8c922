import type { FieldIssue, IpcErrorCode } from '../../shared/ipc/result.js';

/**
 * The one error type services throw on purpose. The router turns it into an error envelope with its
 * code and message; any other thrown error becomes INTERNAL with a generic message, so stack traces
 * and SQL never reach the renderer.
 */
export class AppError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} was not found. It may have been deleted.`);
}

/**
 * SQLite's answers that are the machine's state, not a bug, as the errors the user should see
 * (reliability.md §B7: never corruption, never "something went wrong"). Null for anything else.
 */
export function storageError(err: unknown): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('DISK_FULL', 'The disk is full: free space and try again; nothing was changed.');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES') {
    return new AppError('READ_ONLY', 'License Desk cannot write to its data folder, so it is open read-only: nothing was changed. Check the folder can be written, then restart License Desk.');
  }
  if (code.startsWith('SQLITE_BUSY')) return new AppError('BUSY', 'The data is busy (another program is writing to it); nothing was changed. Try again in a moment.');
  return null;
}
