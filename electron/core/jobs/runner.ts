import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { JobKind, JobProgress } from '../../../shared/ipc/events.js';
import { currentWriteScope } from '../db/write-scope.js';
import { AppError } from '../errors.js';
import { cancelledError } from '../services/progress.js';
import type { RunMessage, WorkerData, WorkerMessage } from './protocol.js';
import type { TaskInput, TaskName, TaskOutput } from './tasks.js';

export interface JobSpec<T extends TaskName> {
  task: T;
  input: TaskInput<T>;
  kind: JobKind;
  /** What the job works on (an import's staged id), so a page can pick out its own job. */
  ref?: string | null;
  /** Write jobs run one at a time, in order; the others have lanes of their own (see `laneOf`). */
  writes: boolean;
  /** The channel that started the job: the only thing logged about it besides its phase. */
  channel: string;
}

export interface StartedJob<T extends TaskName> {
  jobId: string;
  result: Promise<TaskOutput<T>>;
}

export interface RunnerOptions {
  dbFile: string;
  /** The compiled worker entry (`worker.js` beside this file in the app). */
  workerFile: string;
  /** Every change of a job's state or progress: the core turns these into job:progress events. */
  onProgress?: (progress: JobProgress) => void;
  log?: (message: string) => void;
  /** Sees each worker as it starts (the crash tests terminate one mid-import). */
  onSpawn?: (worker: Worker, lane: LaneName) => void;
}

export type LaneName = 'write' | 'read' | 'reminders';

/**
 * Writes in one lane, one at a time. Reads in another, so a preview never waits behind an import.
 * The reminders list has a lane to itself: the bell and the digest ask for it on every start, when
 * the day's backup is running in the read lane (seconds at 100,000 items), and an export or a PDF
 * build can be running whenever a change makes the list due again.
 */
export function laneOf(spec: Pick<JobSpec<TaskName>, 'writes' | 'kind'>): LaneName {
  if (spec.writes) return 'write';
  return spec.kind === 'reminders' ? 'reminders' : 'read';
}

export interface JobRunner {
  run<T extends TaskName>(spec: JobSpec<T>): StartedJob<T>;
  /** Cancels a waiting or running job; false when there is no such job (it has finished). */
  cancel(jobId: string): boolean;
  /**
   * Starts a lane's worker ahead of its first job (loading its modules and opening its connection
   * takes a noticeable part of a second), so a job expected soon does not wait for it.
   */
  prepare(lane: LaneName): void;
  active(): JobProgress[];
  /** A write job is running or waiting: other writes would wait on its transaction. */
  writeBusy(): boolean;
  close(): Promise<void>;
}

interface Job {
  spec: JobSpec<TaskName>;
  snapshot: JobProgress;
  cancel: SharedArrayBuffer;
  /** The calling write's scope (its audit entry), handed to the worker's transaction. */
  scope: unknown;
  resolve(value: unknown): void;
  reject(err: AppError): void;
}

interface Lane {
  name: LaneName;
  queue: Job[];
  current: Job | null;
  worker: Worker | null;
}

const WHAT: Record<JobKind, string> = { import: 'The import', export: 'The export', document: 'The PDF build', backup: 'The backup', reminders: 'The reminders list' };

/**
 * Long store work off the thread that answers IPC: each job runs in a worker thread with its own
 * connection. Write jobs queue in one lane (one at a time: a second waits, visibly), other work in
 * lanes of its own (`laneOf`), so previewing a file never waits behind an import. A lane's worker
 * starts with its first job (or ahead of it: `prepare`). A worker that dies takes only its job with
 * it: the job fails with a clear message, the log names its channel and phase, and the next job
 * starts a fresh worker.
 */
export function createJobRunner(options: RunnerOptions): JobRunner {
  const lanes: Record<LaneName, Lane> = {
    write: { name: 'write', queue: [], current: null, worker: null },
    read: { name: 'read', queue: [], current: null, worker: null },
    reminders: { name: 'reminders', queue: [], current: null, worker: null },
  };
  let closed = false;

  const publish = (job: Job, patch: Partial<JobProgress>) => {
    job.snapshot = { ...job.snapshot, ...patch };
    options.onProgress?.(job.snapshot);
  };

  function finish(lane: Lane, job: Job, outcome: { value: unknown } | { error: AppError }) {
    if (lane.current === job) lane.current = null;
    if ('value' in outcome) {
      publish(job, { state: 'done', phase: 'done', done: job.snapshot.total ?? job.snapshot.done, rate: job.snapshot.rate, message: null });
      job.resolve(outcome.value);
    } else {
      const state = outcome.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
      publish(job, { state, message: outcome.error.message });
      job.reject(outcome.error);
    }
    pump(lane);
  }

  function lost(lane: Lane, worker: Worker, why: string) {
    if (lane.worker !== worker) return;
    lane.worker = null;
    const job = lane.current;
    if (!job) return;
    const phase = job.snapshot.phase;
    options.log?.(`[jobs] worker ${why} during ${job.spec.channel} (${phase})`);
    const written = phase === 'finishing' ? 'It had been written already; only the final tidy-up was missed.' : 'Nothing was written.';
    finish(lane, job, { error: new AppError('INTERNAL', `${WHAT[job.spec.kind]} stopped unexpectedly while ${phase}. ${written} License Desk is still working: try again.`) });
  }

  function spawn(lane: Lane): Worker {
    const data: WorkerData = { dbFile: options.dbFile };
    const worker = new Worker(options.workerFile, { workerData: data });
    worker.unref();
    worker.on('message', (m: WorkerMessage) => {
      const job = lane.current;
      if (m.type === 'ready' || !job || m.jobId !== job.snapshot.jobId || lane.worker !== worker) return;
      if (m.type === 'progress') publish(job, { phase: m.phase, done: m.done, total: m.total, rate: m.rate });
      else if (m.type === 'done') finish(lane, job, { value: m.value });
      else if (m.type === 'failed') finish(lane, job, { error: new AppError(m.error.code, m.error.message, m.error.issues) });
      else {
        options.log?.(`[jobs] ${job.spec.channel} failed while ${job.snapshot.phase}: ${m.name}${m.code ? ` ${m.code}` : ''}`);
        finish(lane, job, { error: new AppError('INTERNAL', `${WHAT[job.spec.kind]} failed on an unexpected error while ${job.snapshot.phase}. Nothing was written.`) });
      }
    });
    // The error's message is not logged: it could quote the data the job was working on.
    worker.on('error', (err) => lost(lane, worker, `failed (${err.name})`));
    worker.on('exit', (code) => lost(lane, worker, `exited with code ${code}`));
    options.onSpawn?.(worker, lane.name);
    return worker;
  }

  function pump(lane: Lane) {
    if (closed || lane.current || lane.queue.length === 0) return;
    const job = lane.queue.shift()!;
    lane.current = job;
    publish(job, { state: 'running', phase: 'starting', message: null });
    lane.worker ??= spawn(lane);
    const msg: RunMessage = { type: 'run', jobId: job.snapshot.jobId, task: job.spec.task, input: job.spec.input, cancel: job.cancel, scope: job.scope };
    lane.worker.postMessage(msg);
  }

  return {
    run(spec) {
      if (closed) throw new AppError('INTERNAL', 'License Desk is closing; the job was not started.');
      const lane = lanes[laneOf(spec)];
      let resolve!: (v: unknown) => void;
      let reject!: (e: AppError) => void;
      const result = new Promise<unknown>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const busy = lane.current ?? lane.queue.at(-1);
      const job: Job = {
        spec,
        cancel: new SharedArrayBuffer(4),
        scope: spec.writes ? currentWriteScope()?.handOver?.() : undefined,
        resolve,
        reject,
        snapshot: {
          jobId: `job-${crypto.randomBytes(9).toString('base64url')}`,
          kind: spec.kind,
          ref: spec.ref ?? null,
          state: 'waiting',
          phase: 'waiting',
          done: 0,
          total: null,
          rate: null,
          message: busy ? `Waiting for ${WHAT[busy.spec.kind].toLowerCase()} that is running to finish.` : null,
        },
      };
      lane.queue.push(job);
      options.onProgress?.(job.snapshot);
      pump(lane);
      return { jobId: job.snapshot.jobId, result: result as Promise<TaskOutput<typeof spec.task>> };
    },

    cancel(jobId) {
      for (const lane of Object.values(lanes)) {
        const waiting = lane.queue.findIndex((j) => j.snapshot.jobId === jobId);
        if (waiting >= 0) {
          const [job] = lane.queue.splice(waiting, 1);
          publish(job!, { state: 'cancelled', message: cancelledError(WHAT[job!.spec.kind]).message });
          job!.reject(cancelledError(WHAT[job!.spec.kind]));
          return true;
        }
        if (lane.current?.snapshot.jobId === jobId) {
          Atomics.store(new Int32Array(lane.current.cancel), 0, 1);
          return true;
        }
      }
      return false;
    },

    prepare(name) {
      const lane = lanes[name];
      if (!closed) lane.worker ??= spawn(lane);
    },

    active() {
      return Object.values(lanes).flatMap((l) => [...(l.current ? [l.current.snapshot] : []), ...l.queue.map((j) => j.snapshot)]);
    },

    writeBusy() {
      return lanes.write.current !== null || lanes.write.queue.length > 0;
    },

    async close() {
      closed = true;
      const stopping: Promise<number>[] = [];
      for (const lane of Object.values(lanes)) {
        for (const job of lane.queue.splice(0)) job.reject(new AppError('INTERNAL', 'License Desk closed before the job started.'));
        const worker = lane.worker;
        const job = lane.current;
        lane.worker = null;
        lane.current = null;
        job?.reject(new AppError('INTERNAL', 'License Desk closed while the job ran. Nothing was written.'));
        if (worker) stopping.push(worker.terminate());
      }
      await Promise.all(stopping);
    },
  };
}
