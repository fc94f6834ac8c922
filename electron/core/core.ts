import os from 'node:os';
import path from 'node:path';
import { openStore, type OpenedStore } from './db/store.js';
import type { Dispatch, SenderInfo } from './ipc/router.js';
import type { Clock, Timers } from './clock.js';
import type { DesktopReminders } from './desktop-reminders.js';
import { composeCore } from './compose.js';
import type { JobRunner } from './jobs/runner.js';
import { openKeyVault, removeClearKeyCopies } from './secrets/open-keys.js';
import { AppError, storageError } from './errors.js';
import { NO_PROTECTION, VaultLockedError, lockedVault, openVault, type KeyProtector, type Vault } from './secrets/vault.js';
import { keyExpectation } from './secrets/key-check.js';
import type { EventBus } from './events/bus.js';
import type { PlatformPort } from './platform/port.js';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  isTrustedSender: (sender: SenderInfo) => boolean;
  checkOutputs: boolean;
  clock?: Clock;
  /** The day rollover's and the desktop digest's timers (real ones by default). */
  timers?: Timers;
  log?: (message: string) => void;
  /** Protects the key that encrypts license keys at rest; the Electron glue passes safeStorage. */
  keyProtector?: KeyProtector;
  /** Save, open, reveal, open a link, notify: Electron's dialog and shell, or the browser host's folder. */
  platform: PlatformPort;
  /** The compiled job worker; by default `jobs/worker.js` beside this file. */
  workerFile?: string;
}

export interface Core {
  dispatch: Dispatch;
  store: OpenedStore;
  /** What the user must be told about this start (shown as a banner), e.g. a backup rewritten. */
  notices: readonly string[];
  /** Main → renderer events; the Electron glue and the host forward them to the page. */
  events: EventBus;
  platform: PlatformPort;
  /** The day rollover and the desktop digest; the glue calls `check` on a wake from sleep. */
  desktop: Pick<DesktopReminders, 'check' | 'openDigest'>;
  jobs: JobRunner;
  /** Stops the job workers (a running job is rolled back) and closes the store. */
  close(): Promise<void>;
}

/** The operating system's name for the person running the app, for tombstones and the audit log. */
function localUserName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    // No passwd entry (some containers): the services' default name stands in.
    return undefined;
  }
}

/**
 * Everything the main process does apart from Electron itself: open the store, build the services
 * and the router. The Electron glue and the browser host both start exactly this.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? { now: () => new Date() };
  const store = await openStore(options.dataDir, { now: () => clock.now() });
  const notices: string[] = store.readOnly ? [store.readOnly] : [];
  let vault: Vault;
  try {
    vault = store.readOnly ? openVault(store.paths.dir, options.keyProtector ?? NO_PROTECTION, keyExpectation(store.db)) : openKeyVault(store, options.keyProtector ?? NO_PROTECTION, notices);
    // The start-time upkeep writes; on a full disk it waits for the next start rather than stop this one.
    if (!store.readOnly) {
      try {
        notices.push(...removeClearKeyCopies(store, vault, clock.now().toISOString()));
      } catch (err) {
        const storage = storageError(err);
        if (!storage) throw err;
        notices.push(`Start-up upkeep was put off: ${storage.message}`);
      }
    }
  } catch (err) {
    const storage = storageError(err);
    if (storage) {
      notices.push(`License keys stay locked for now: ${storage.message}`);
      vault = lockedVault(() => new AppError(storage.code, storage.message));
    } else if (!(err instanceof VaultLockedError)) {
      store.db.close();
      throw err;
    } else {
      // A locked state, never a wipe: the key file stays as it is for when the key store returns.
      notices.push(err.message);
      vault = lockedVault(() => new AppError('LOCKED', err.message));
    }
  }
  if (vault.protection === 'none') options.log?.('[keys] license keys are encrypted with a key file that the system key store does not protect');
  for (const n of notices) options.log?.(`[keys] ${n}`);
  const composed = composeCore({
    db: store.db,
    dbFile: store.paths.dbFile,
    clock,
    timers: options.timers,
    vault,
    platform: options.platform,
    workerFile: options.workerFile ?? path.join(__dirname, 'jobs', 'worker.js'),
    appInfo: () => ({ version: options.appVersion, dataDir: store.paths.dir, schemaVersion: store.schemaVersion, notices }),
    isTrustedSender: options.isTrustedSender,
    checkOutputs: options.checkOutputs,
    log: options.log,
    serviceOptions: { actor: localUserName() },
  });
  // Open read-only, a write's refusal repeats why (the full disk or the unwritable folder).
  const readOnly = store.readOnly;
  const answer: Dispatch = readOnly
    ? async (channel, input, sender) => {
        const r = await composed.dispatch(channel, input, sender);
        return !r.ok && r.error.code === 'READ_ONLY' ? { ok: false, error: { code: 'READ_ONLY', message: `Nothing was changed. ${readOnly}` } } : r;
      }
    : composed.dispatch;
  // A read-only store cannot record which digests were shown: no desktop digest then, the bell still counts.
  if (!readOnly) composed.desktop.start();
  return {
    dispatch: answer,
    store,
    notices,
    events: composed.events,
    platform: options.platform,
    desktop: composed.desktop,
    jobs: composed.runner,
    async close() {
      await composed.close();
      if (store.db.open) store.db.close();
    },
  };
}
