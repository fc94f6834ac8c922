import { openStore, type OpenedStore } from './db/store.js';
import { createHandlers } from './ipc/handlers.js';
import { createRouter, type Dispatch, type SenderInfo } from './ipc/router.js';
import { createImportService } from './services/import/service.js';
import { createLicenseService, type Clock } from './services/licenses/service.js';
import { createKeyService } from './services/projects/keys.js';
import { createProjectService } from './services/projects/service.js';
import { createSettingsService } from './services/settings.js';
import { sealLegacyKeys } from './services/projects/key-store.js';
import { AppError } from './ipc/errors.js';
import { NO_PROTECTION, VaultLockedError, lockedVault, openVault, type KeyProtector, type Vault } from './secrets/vault.js';
import { createUsageService } from './services/usage.js';

export interface CoreOptions {
  dataDir: string;
  appVersion: string;
  isTrustedSender: (sender: SenderInfo) => boolean;
  checkOutputs: boolean;
  clock?: Clock;
  log?: (message: string) => void;
  /** Protects the key that encrypts license keys at rest; the Electron glue passes safeStorage. */
  keyProtector?: KeyProtector;
}

export interface Core {
  dispatch: Dispatch;
  store: OpenedStore;
  close(): void;
}

/**
 * Everything the main process does apart from Electron itself: open the store, build the services
 * and the router. The Electron glue and the browser host both start exactly this.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? { now: () => new Date() };
  const store = await openStore(options.dataDir, { now: () => clock.now() });
  let vault: Vault;
  try {
    vault = openVault(store.paths.dir, options.keyProtector ?? NO_PROTECTION);
    sealLegacyKeys(store.db, vault);
  } catch (err) {
    if (!(err instanceof VaultLockedError)) {
      store.db.close();
      throw err;
    }
    // A locked state, never a wipe: the key file stays as it is for when the key store returns.
    options.log?.(`[keys] ${err.message}`);
    vault = lockedVault(() => new AppError('LOCKED', err.message));
  }
  if (vault.protection === 'none') options.log?.('[keys] license keys are encrypted with a key file that the system key store does not protect');
  const settings = createSettingsService(store.db);
  const nowIso = () => clock.now().toISOString();
  const handlers = createHandlers({
    db: store.db,
    licenses: createLicenseService(store.db, clock, settings),
    usage: createUsageService(store.db, clock),
    projects: createProjectService(store.db, vault),
    keys: createKeyService(store.db, nowIso, vault),
    imports: createImportService(store.db, clock),
    settings,
    appInfo: () => ({ version: options.appVersion, dataDir: store.paths.dir, schemaVersion: store.schemaVersion }),
  });
  const dispatch = createRouter(handlers, {
    isTrustedSender: options.isTrustedSender,
    checkOutputs: options.checkOutputs,
    // Channel name and error only: payloads may carry license keys, which are never logged.
    onInternalError: (channel, err) => options.log?.(`[ipc] ${channel} failed: ${err instanceof Error ? err.message : String(err)}`),
  });
  return {
    dispatch,
    store,
    close() {
      if (store.db.open) store.db.close();
    },
  };
}
