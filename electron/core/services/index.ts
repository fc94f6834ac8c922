import path from 'node:path';
import type { RestoreResult } from '../../../shared/domain/backups.js';
import type { Clock } from '../clock.js';
import type { WritableDb } from '../db/connection.js';
import type { Vault } from '../secrets/vault.js';
import { createBackupService } from './backups/service.js';
import { createDeletedLicenses } from './licenses/deleted.js';
import { AppError } from '../errors.js';
import { createAuditService } from './audit/service.js';
import { LOCAL_USER } from './licenses/tombstones.js';
import { createDashboardService } from './dashboard.js';
import { createImportService } from './import/service.js';
import { createLicenseService } from './licenses/service.js';
import { createFulfilmentService } from './orders/fulfilment.js';
import { createOrderService } from './orders/service.js';
import { createKeyService } from './projects/keys.js';
import { createProjectService } from './projects/service.js';
import { createPurchaseHistoryService } from './purchases/history.js';
import { createProfileService } from './purchases/profile.js';
import { createPurchaseOrderService } from './purchases/purchase-orders.js';
import type { PlatformPort } from '../platform/port.js';
import { createSavedFiles, type SavedFiles } from '../platform/saved-files.js';
import { inProcessBuilder, type PoDocumentBuilder } from './documents/build.js';
import { createResellerService } from './purchases/resellers.js';
import { createQuarantineService } from './quarantine.js';
import { createReminderService, type DueComputer } from './reminders/service.js';
import { createSaveFolderService } from './save-folder.js';
import { createSettingsService } from './settings.js';
import { createUsageService } from './usage.js';

/**
 * The composition of every domain service over one connection. `core.ts` builds the app with it and
 * the tests build theirs with it too, so a test's services are wired exactly like the app's.
 */
export interface ServiceOptions {
  /** Save, open, reveal, open a link: files the user keeps are written only through it. */
  platform?: PlatformPort | null;
  /** Saves through `platform` and remembers what it saved, so the page may open or reveal it (compose.ts). */
  files?: SavedFiles | null;
  /** The user's locale, for defaults such as the PO page size. */
  locale?: string;
  /** Who the records of this session (tombstones, the audit log) name: the computer's user name in the app. */
  actor?: string;
  /** Where PO documents are rendered: the app passes the job worker's; by default on this thread. */
  documents?: PoDocumentBuilder;
  /** The data folder (its backups/ and quarantine/); by default the folder of the database file. */
  dataDir?: string;
  /** Where the due reminders are worked out: the app passes the job worker's; by default on this thread. */
  reminderDue?: DueComputer;
  /** Swaps a backup in and reopens the store: only the core can, since it owns the connection. */
  restore?: (backupFile: string) => Promise<RestoreResult>;
}

export function createServices(db: WritableDb, clock: Clock, vault: Vault, options: ServiceOptions = {}) {
  const settings = createSettingsService(db);
  const profile = createProfileService(db, options.locale ?? Intl.DateTimeFormat().resolvedOptions().locale);
  const nowIso = () => clock.now().toISOString();
  const dataDir = options.dataDir ?? path.dirname(db.name);
  const orders = createOrderService(db, clock);
  const files = options.files ?? (options.platform ? createSavedFiles(options.platform) : null);
  const save = (request: Parameters<SavedFiles['save']>[0]) => {
    if (!files) throw new AppError('INTERNAL', 'License Desk cannot save files here.');
    return files.save(request);
  };
  return {
    audit: createAuditService(db, clock, options.actor ?? LOCAL_USER, save),
    settings,
    saveFolder: createSaveFolderService(db, () => options.platform ?? null),
    licenses: createLicenseService(db, clock, settings, options.actor),
    deletedLicenses: createDeletedLicenses(db),
    usage: createUsageService(db, clock),
    projects: createProjectService(db, vault, nowIso),
    keys: createKeyService(db, nowIso, vault),
    imports: createImportService(db, clock),
    dashboard: createDashboardService(db, settings),
    orders,
    fulfilment: createFulfilmentService(db, clock, orders),
    profile,
    purchaseOrders: createPurchaseOrderService(db, clock, profile, orders, () => options.platform ?? null, options.documents ?? inProcessBuilder),
    resellers: createResellerService(db, clock),
    purchaseHistory: createPurchaseHistoryService(db, clock),
    reminders: createReminderService(db, clock, { files: () => files, notificationsBy: () => options.platform?.notificationsBy ?? 'system' }, options.reminderDue),
    backups: createBackupService(db, { dataDir, platform: options.platform ?? null, restore: options.restore }),
    quarantine: createQuarantineService(db, dataDir),
  };
}
export type Services = ReturnType<typeof createServices>;
