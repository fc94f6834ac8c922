import { realTimers, type Clock, type Timers } from './clock.js';
import { createDesktopReminders } from './desktop-reminders.js';
import type { WritableDb } from './db/connection.js';
import { AppError } from './errors.js';
import { createEventBus, type EventBus } from './events/bus.js';
import { createHandlers, type AppInfo } from './ipc/handlers/index.js';
import { createRouter, type SenderInfo } from './ipc/router.js';
import { jobDocumentBuilder } from './jobs/documents.js';
import { jobDueComputer } from './jobs/reminders.js';
import { createJobRunner, type RunnerOptions } from './jobs/runner.js';
import { createJobServices } from './jobs/services.js';
import { createStagedImports, type StagedImports } from './jobs/staged.js';
import type { PlatformPort } from './platform/port.js';
import { createSavedFiles } from './platform/saved-files.js';
import type { Vault } from './secrets/vault.js';
import { createServices, type ServiceOptions } from './services/index.js';
import { changedDomains } from '../../shared/ipc/data-changes.js';

export interface ComposeOptions {
  db: WritableDb;
  /** The store's file: each job worker opens its own connection to it. */
  dbFile: string;
  clock: Clock;
  /** The day rollover's and the desktop digest's timers; real ones by default. */
  timers?: Timers;
  vault: Vault;
  platform: PlatformPort;
  workerFile: string;
  appInfo: () => AppInfo;
  isTrustedSender: (sender: SenderInfo) => boolean;
  checkOutputs: boolean;
  log?: (message: string) => void;
  onInternalError?: (channel: string, err: unknown) => void;
  onSpawn?: RunnerOptions['onSpawn'];
  staged?: StagedImports;
  /** Who the session's records name and the locale; documents are saved through `platform`. */
  serviceOptions?: Omit<ServiceOptions, 'platform' | 'files' | 'documents' | 'reminderDue'>;
  /** The event bus to publish on: the core keeps one across a restore, which composes the store anew. */
  events?: EventBus;
}

/** Write channels that run as jobs: they queue behind a running write job instead of being refused. */
const JOB_WRITE_CHANNELS: ReadonlySet<string> = new Set(['import:commit']);

/**
 * The services, the job runner and the router over one open store, wired as the app runs them.
 * `startCore` uses it after opening the store and the key vault; the tests' fixture uses it too.
 */
export function composeCore(o: ComposeOptions) {
  const log = o.log;
  const events = o.events ?? createEventBus(log);
  const files = createSavedFiles(o.platform);
  const runner = createJobRunner({ dbFile: o.dbFile, workerFile: o.workerFile, onProgress: (p) => events.emit('job:progress', p), log, onSpawn: o.onSpawn });
  const services = createServices(o.db, o.clock, o.vault, { ...o.serviceOptions, platform: o.platform, files, documents: jobDocumentBuilder(runner), reminderDue: jobDueComputer(runner) });
  const staged = o.staged ?? createStagedImports();
  const jobs = createJobServices({ runner, staged, files, clock: o.clock, settings: services.settings, backups: services.backups });
  const handlers = createHandlers(services, o.appInfo, jobs);
  const dispatch = createRouter(handlers, {
    isTrustedSender: o.isTrustedSender,
    checkOutputs: o.checkOutputs,
    // Channel name and error only: payloads may carry license keys, which are never logged.
    onInternalError: o.onInternalError ?? ((channel, err) => log?.(`[ipc] ${channel} failed: ${err instanceof Error ? err.message : String(err)}`)),
    onSlowCall: (channel, kind, ms) => log?.(`[ipc] slow ${kind} call ${channel}: ${Math.round(ms)} ms`),
    // While a write job holds the store, a write on this thread would block it on the job's
    // transaction (up to the busy timeout): refuse it at once instead, and say why.
    admitWrite: (channel) => {
      if (runner.writeBusy() && !JOB_WRITE_CHANNELS.has(channel)) throw new AppError('CONFLICT', 'An import is writing to the store right now. Try again in a moment, when it has finished.');
    },
    onWriteDone: (channel) => events.emit('data:changed', { domains: changedDomains(channel) }),
  });
  // Started by startCore (not by the tests' composition, which drive it themselves).
  const desktop = createDesktopReminders({ events, reminders: services.reminders, clock: o.clock, timers: o.timers ?? realTimers, platform: o.platform, log });
  return {
    services,
    events,
    desktop,
    runner,
    staged,
    handlers,
    dispatch,
    jobs,
    async close() {
      desktop.stop();
      staged.close();
      await runner.close();
    },
  };
}
export type ComposedCore = ReturnType<typeof composeCore>;
