import os from 'node:os';
import path from 'node:path';
import type { BackupResult, RestoreOffer, RestoreResult } from '../../shared/domain/backups.js';
import { openStore, StoreOpenError, type OpenedStore } from './db/store.js';
import type { Dispatch, SenderInfo } from './ipc/router.js';
import type { Clock, Timers } from './clock.js';
import type { DesktopReminders } from './desktop-reminders.js';
import { composeCore, type ComposedCore } from './compose.js';
import type { JobRunner } from './jobs/runner.js';
import { openKeyVault, removeClearKeyCopies } from './secrets/open-keys.js';
import { AppError, storageError } from './errors.js';
import { NO_PROTECTION, VaultLockedError, lockedVault, openVault, type KeyProtector, type Vault } from './secrets/vault.js';
import { keyExpectation } from './secrets/key-check.js';
import { createEventBus, type EventBus } from './events/bus.js';
import type { PlatformPort } from './platform/port.js';
import { backupDatabase } from './db/backup.js';
import { RestoreError, stageRestore, swapIn } from './db/restore.js';
import { entryOf, LABELS } from './services/backups/catalog.js';
import { newestSoundOffer } from './services/backups/offer.js';
import { readSecondFolderFile } from './services/backups/second-folder.js';
import { startDailyBackup } from './jobs/daily-backup.js';
import { VAULT_FILE } from './secrets/vault.js';

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
  /**
   * Take the day's backup on its first start (default true). Tests of other start behaviour turn it
   * off, since the backup it adds (carrying the key file) changes what a later start finds.
   */
  dailyBackup?: boolean;
}

export interface Core {
  dispatch: Dispatch;
  /** The open store (a restore replaces it). */
  readonly store: OpenedStore;
  /** What the user must be told about this start (shown as a banner), e.g. a backup rewritten. */
  notices: readonly string[];
  /** The newest sound backup, offered when the data file was found empty or damaged; null otherwise. */
  readonly restoreOffer: RestoreOffer | null;
  /** The save folder named in Settings (null: the platform's default), read by the browser host on each save. */
  chosenSaveFolder(): string | null;
  /** Main → renderer events; the Electron glue and the host forward them to the page. */
  events: EventBus;
  platform: PlatformPort;
  /** The day rollover and the desktop digest; the glue calls `check` on a wake from sleep. */
  desktop: Pick<DesktopReminders, 'check' | 'openDigest'>;
  readonly jobs: JobRunner;
  /** The first start of a local day takes a backup in the job worker: its outcome (null when none was due). */
  dailyBackup: Promise<BackupResult | null>;
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

/** Nothing worth a backup yet: a new, empty store (a first start) is not copied every day. */
function holdsData(store: OpenedStore): boolean {
  const n = (table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return n('license_items') + n('projects') + n('license_keys') + n('orders') > 0;
}

interface Opened {
  store: OpenedStore;
  vault: Vault;
  notices: string[];
  offer: RestoreOffer | null;
}

function offerOf(dataDir: string, backupsDir: string): RestoreOffer | null {
  return newestSoundOffer(backupsDir, readSecondFolderFile(dataDir));
}

/**
 * Opens the store and its key vault. A damaged data file has been moved aside by openStore (never
 * deleted); the store then starts empty and the newest sound backup is offered, as for an empty
 * data file found next to backups.
 */
async function openStoreAndVault(options: CoreOptions, clock: Clock): Promise<Opened> {
  const notices: string[] = [];
  let store: OpenedStore;
  let offer: RestoreOffer | null = null;
  // The second folder's copies count too: an empty data file next to them is a lost store, not a first start.
  const second = readSecondFolderFile(options.dataDir);
  const otherBackups = second ? [second] : [];
  try {
    store = await openStore(options.dataDir, { now: () => clock.now(), otherBackupDirs: otherBackups });
  } catch (err) {
    if (!(err instanceof StoreOpenError) || err.failure.kind !== 'corrupt') throw err;
    store = await openStore(options.dataDir, { now: () => clock.now(), otherBackupDirs: otherBackups });
    offer = offerOf(options.dataDir, store.paths.backupsDir);
    notices.push(`${err.message} License Desk started with empty data${offer ? '; restore the newest backup to bring the licenses back.' : ', and no sound backup was found.'}`);
  }
  if (store.setAside) {
    offer = offerOf(options.dataDir, store.paths.backupsDir);
    notices.push(
      `The data file was empty (0 bytes) although backups exist; it was moved aside to ${store.setAside}, not deleted. License Desk started with empty data${offer ? '; restore the newest backup to bring the licenses back.' : '.'}`,
    );
  }
  if (store.readOnly) notices.push(store.readOnly);
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
  return { store, vault, notices, offer };
}

/**
 * Everything the main process does apart from Electron itself: open the store, build the services
 * and the router. The Electron glue and the browser host both start exactly this.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? { now: () => new Date() };
  const events = createEventBus(options.log);
  let opened = await openStoreAndVault(options, clock);
  const notices: string[] = [...opened.notices];
  let offer = opened.offer;
  let gate: Promise<void> | null = null;

  const compose = (o: Opened): ComposedCore =>
    composeCore({
      db: o.store.db,
      dbFile: o.store.paths.dbFile,
      clock,
      timers: options.timers,
      vault: o.vault,
      platform: options.platform,
      workerFile: options.workerFile ?? path.join(__dirname, 'jobs', 'worker.js'),
      appInfo: () => ({ version: options.appVersion, dataDir: o.store.paths.dir, schemaVersion: o.store.schemaVersion, notices, restoreOffer: offer }),
      isTrustedSender: options.isTrustedSender,
      checkOutputs: options.checkOutputs,
      log: options.log,
      events,
      serviceOptions: { actor: localUserName(), dataDir: o.store.paths.dir, restore: (file) => restore(file) },
    });
  // A read-only store cannot record which digests were shown: no desktop digest then, the bell still counts.
  const started = (o: Opened): ComposedCore => {
    const c = compose(o);
    if (!o.store.readOnly) c.desktop.start();
    return c;
  };
  let composed = started(opened);
  // Stores from before the side file get it now, so a later damaged start still knows the second folder.
  if (!opened.store.readOnly) composed.services.backups.mirrorSecondFolder();

  /**
   * Replaces the data with a backup: the backup is copied and checked beside the data file first,
   * the current data is backed up (verified), every connection is closed, the copy is renamed over
   * the data file and the store is opened again the way a start opens it (migrations with their own
   * backup, the key file put back from the backup if it does not fit). If the restored file does not
   * open, the data as it was is put back. Calls wait while the store is swapped.
   */
  async function restore(file: string): Promise<RestoreResult> {
    const store = opened.store;
    if (store.readOnly) throw new AppError('READ_ONLY', `Nothing was restored. ${store.readOnly}`);
    // Working out the reminders only reads, and is asked again of the restored store: it does not hold a restore up.
    if (composed.runner.active().some((j) => j.kind !== 'reminders')) throw new AppError('CONFLICT', 'An import, export or backup is running; restore when it has finished. Nothing was changed.');
    let staged: string;
    try {
      staged = await stageRestore(file, store.paths.dbFile);
    } catch (err) {
      if (err instanceof RestoreError) throw new AppError('INVALID_INPUT', err.message);
      throw storageError(err) ?? err;
    }
    const keyFile = path.join(store.paths.dir, VAULT_FILE);
    const safety = await backupDatabase(store.db, store.paths.backupsDir, LABELS.restore, clock.now(), { keyFile });
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    try {
      await composed.close();
      store.db.close();
      swapIn(store.paths, staged);
      try {
        opened = await openStoreAndVault(options, clock);
      } catch (err) {
        options.log?.(`[backups] the restored file did not open (${err instanceof Error ? err.name : 'error'}); putting the data back as it was`);
        swapIn(store.paths, await stageRestore(safety, store.paths.dbFile));
        opened = await openStoreAndVault(options, clock);
        composed = started(opened);
        throw new AppError('INVALID_INPUT', `The backup ${path.basename(file)} could not be opened after it was copied in, so the data was put back as it was (from ${path.basename(safety)}).`);
      }
      composed = started(opened);
      composed.services.backups.mirrorSecondFolder();
      notices.splice(0, notices.length, ...opened.notices);
      offer = null;
    } finally {
      gate = null;
      release();
    }
    return { restored: entryOf(file), safetyBackup: path.basename(safety) };
  }

  // Open read-only, a write's refusal repeats why (the full disk or the unwritable folder).
  const dispatch: Dispatch = async (channel, input, sender) => {
    while (gate) await gate;
    const r = await composed.dispatch(channel, input, sender);
    const readOnly = opened.store.readOnly;
    return readOnly && !r.ok && r.error.code === 'READ_ONLY' ? { ok: false, error: { code: 'READ_ONLY', message: `Nothing was changed. ${readOnly}` } } : r;
  };
  const report = (message: string) => {
    notices.push(message);
    options.log?.(`[backups] ${message}`);
  };
  const dailyDue = () => !opened.store.readOnly && options.dailyBackup !== false && holdsData(opened.store);
  const takeDaily = () => (dailyDue() ? startDailyBackup(composed.jobs.backups, composed.services.backups, clock, report) : Promise.resolve(null));
  const dailyBackup = takeDaily();
  // An app left open over midnight takes the new day's backup then, not at its next start; startDailyBackup
  // itself skips a day that already has one, so a day announced twice (a wake from sleep) takes one.
  const stopDailyOnDayChange = events.subscribe((name) => {
    if (name === 'day:changed') void takeDaily();
  });
  return {
    dispatch,
    get store() {
      return opened.store;
    },
    notices,
    get restoreOffer() {
      return offer;
    },
    chosenSaveFolder: () => composed.services.saveFolder.chosen(),
    events,
    platform: options.platform,
    desktop: {
      check: () => composed.desktop.check(),
      openDigest: (day) => composed.desktop.openDigest(day),
    },
    get jobs() {
      return composed.runner;
    },
    dailyBackup,
    async close() {
      stopDailyOnDayChange();
      while (gate) await gate;
      await composed.close();
      if (opened.store.db.open) opened.store.db.close();
    },
  };
}
