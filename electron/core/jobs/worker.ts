import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.js';
import { withWriteScope } from '../db/write-scope.js';
import { jobAuditScope, type AuditHandover } from '../services/audit/scope.js';
import { AppError, storageError } from '../errors.js';
import { cancelledError, type JobContext } from '../services/progress.js';
import type { RunMessage, WorkerData, WorkerMessage } from './protocol.js';
import { createTasks, runTask } from './tasks.js';

/**
 * A job worker (worker_threads): its own better-sqlite3 connection to the same store, so long
 * imports, exports and PDF builds never hold up the thread that answers IPC (WAL lets that thread keep reading
 * meanwhile). Jobs run one at a time, synchronously; cancel arrives through shared memory because a
 * message could not be read while a transaction runs.
 */

const PROGRESS_EVERY_MS = 100;
const CANCEL_WORDS: Record<string, string> = { 'import.commit': 'The import', 'import.preview': 'Checking the file', 'export.licenses': 'The export', 'documents.po': 'The PDF build', 'backup.take': 'The backup' };

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const { dbFile } = workerData as WorkerData;
const db = openDatabase(dbFile, { fileMustExist: true });
const tasks = createTasks(db);
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

/**
 * The byte arrays of a result that own their whole buffer (the reminders' encoded list) are moved to
 * the IPC thread instead of copied; a view into a shared buffer (Node's pool) is copied as before.
 */
function ownBuffers(value: unknown): ArrayBuffer[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength).map((v) => v.buffer as ArrayBuffer);
}

function contextFor(msg: RunMessage): JobContext {
  const flag = new Int32Array(msg.cancel);
  let phase = '';
  let phaseStarted = 0;
  let lastSent = 0;
  return {
    progress(next, done, total) {
      const now = performance.now();
      const changed = next !== phase;
      if (changed) {
        phase = next;
        phaseStarted = now;
      }
      if (!changed && now - lastSent < PROGRESS_EVERY_MS && done !== total) return;
      lastSent = now;
      const seconds = (now - phaseStarted) / 1000;
      post({ type: 'progress', jobId: msg.jobId, phase, done, total, rate: seconds >= 0.25 && done > 0 ? Math.round(done / seconds) : null });
    },
    checkCancelled() {
      if (Atomics.load(flag, 0) === 1) throw cancelledError(CANCEL_WORDS[msg.task] ?? 'The job');
    },
  };
}

// The runner sends one job at a time and waits for its answer, so an async task (rendering a PDF)
// never overlaps the next.
port.on('message', async (msg: RunMessage) => {
  if (msg.type !== 'run') return;
  try {
    const run = () => runTask(tasks, msg.task, msg.input as never, contextFor(msg));
    // A write job's transaction carries the audit entry of the call that started it.
    const value = await (msg.scope ? withWriteScope(jobAuditScope(db, msg.scope as AuditHandover), run) : run());
    post({ type: 'done', jobId: msg.jobId, value }, ownBuffers(value));
  } catch (raw) {
    // A full disk or a read-only file is the machine's state, not a crash: said as such (DISK_FULL, …).
    const err = raw instanceof AppError ? raw : (storageError(raw) ?? raw);
    if (err instanceof AppError) {
      post({ type: 'failed', jobId: msg.jobId, error: err.issues ? { code: err.code, message: err.message, issues: err.issues } : { code: err.code, message: err.message } });
    } else {
      const code = (err as { code?: unknown }).code;
      post({ type: 'crashed', jobId: msg.jobId, name: err instanceof Error ? err.name : typeof err, code: typeof code === 'string' ? code : null });
    }
  }
});
post({ type: 'ready' });
