import { AppError } from '../errors.js';

/**
 * What a long service call is given when it runs as a job: a way to say how far it has come, and a
 * way to learn that the user cancelled. Services stay synchronous (better-sqlite3 transactions must
 * not await); the job runner implements both across the worker boundary.
 */
export interface JobContext {
  /** Cheap enough to call for every row: the runner sends at most a few updates a second. */
  progress(phase: string, done: number, total: number | null): void;
  /** Throws CANCELLED once the user has cancelled; inside a write transaction that rolls it back. */
  checkCancelled(): void;
}

/** For calls nobody watches (tests, the small direct paths). */
export const UNWATCHED: JobContext = { progress: () => undefined, checkCancelled: () => undefined };

export function cancelledError(what: string): AppError {
  return new AppError('CANCELLED', `${what} was cancelled. Nothing was written.`);
}
