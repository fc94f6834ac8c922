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
