import os from 'node:os';
import { openStore, type OpenedStore } from './db/store.js';
import { createHandlers } from './ipc/handlers/index.js';
import { createRouter, type Dispatch, type SenderInfo } from './ipc/router.js';
import type { Clock } from './clock.js';
import { createServices } from './services/index.js';
import { openKeyVault, removeClearKeyCopies } from './secrets/open-keys.js';
import { AppError } from './errors.js';
import { NO_PROTECTION, VaultLockedError, lockedVault, type KeyProtector, type Vault } from './secrets/vault.js';
import { createEventBus, type EventBus } from './events/bus.js';
import type { PlatformPort } from './platform/port.js';
import { changedDomains } from '../../shared/ipc/data-changes.js';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  isTrustedSender: (sender: SenderInfo) => boolean;
  checkOutputs: boolean;
  clock?: Clock;
  log?: (message: string) => void;
  /** Protects the key that encrypts license keys at rest; the Electron glue passes safeStorage. */
  keyProtector?: KeyProtector;
  /** Save, open, reveal, open a link, notify: Electron's dialog and shell, or the browser host's folder. */
  platform: PlatformPort;
}

export interface Core {
  dispatch: Dispatch;
  store: OpenedStore;
  /** What the user must be told about this start (shown as a banner), e.g. a backup rewritten. */
  notices: readonly string[];
  /** Main → renderer events; the Electron glue and the host forward them to the page. */
  events: EventBus;
  platform: PlatformPort;
  close(): void;
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
  const notices: string[] = [];
  let vault: Vault;
  try {
    vault = openKeyVault(store, options.keyProtector ?? NO_PROTECTION, notices);
    notices.push(...removeClearKeyCopies(store, vault, clock.now().toISOString()));
  } catch (err) {
    if (!(err instanceof VaultLockedError)) {
      store.db.close();
      throw err;
    }
    // A locked state, never a wipe: the key file stays as it is for when the key store returns.
    notices.push(err.message);
    vault = lockedVault(() => new AppError('LOCKED', err.message));
  }
  if (vault.protection === 'none') options.log?.('[keys] license keys are encrypted with a key file that the system key store does not protect');
  const events = createEventBus(options.log);
  const services = createServices(store.db, clock, vault, { actor: localUserName(), platform: options.platform });
  for (const n of notices) options.log?.(`[keys] ${n}`);
  const handlers = createHandlers(services, () => ({ version: options.appVersion, dataDir: store.paths.dir, schemaVersion: store.schemaVersion, notices }));
  const dispatch = createRouter(handlers, {
    isTrustedSender: options.isTrustedSender,
    checkOutputs: options.checkOutputs,
    // Channel name and error only: payloads may carry license keys, which are never logged.
    onInternalError: (channel, err) => options.log?.(`[ipc] ${channel} failed: ${err instanceof Error ? err.message : String(err)}`),
    onSlowCall: (channel, kind, ms) => options.log?.(`[ipc] slow ${kind} call ${channel}: ${Math.round(ms)} ms`),
    onWriteDone: (channel) => events.emit('data:changed', { domains: changedDomains(channel) }),
  });
  return {
    dispatch,
    store,
    notices,
    events,
    platform: options.platform,
    close() {
      if (store.db.open) store.db.close();
    },
  };
}
