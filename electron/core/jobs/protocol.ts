import type { IpcErrorShape } from '../../../shared/ipc/result.js';
import type { TaskName } from './tasks.js';

/** Messages between the job runner (IPC thread) and a job worker. */
export interface RunMessage {
  type: 'run';
  jobId: string;
  task: TaskName;
  input: unknown;
  /** One Int32: set to 1 by the runner to cancel; the worker polls it between rows. */
  cancel: SharedArrayBuffer;
  /** For a write job: the calling channel's audit entry, to be written in the job's transaction. */
  scope?: unknown;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; jobId: string; phase: string; done: number; total: number | null; rate: number | null }
  | { type: 'done'; jobId: string; value: unknown }
  /** An AppError: its code and words for people cross as they are. */
  | { type: 'failed'; jobId: string; error: IpcErrorShape }
  /** Anything else: only the error's name and SQLite code, never its message (it may quote data). */
  | { type: 'crashed'; jobId: string; name: string; code: string | null };

export interface WorkerData {
  dbFile: string;
}
