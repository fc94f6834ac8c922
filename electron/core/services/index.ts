import type { Clock } from '../clock.js';
import type { WritableDb } from '../db/connection.js';
import type { Vault } from '../secrets/vault.js';
import { createDashboardService } from './dashboard.js';
import { createImportService } from './import/service.js';
import { createLicenseService } from './licenses/service.js';
import { createFulfilmentService } from './orders/fulfilment.js';
import { createOrderService } from './orders/service.js';
import { createKeyService } from './projects/keys.js';
import { createProjectService } from './projects/service.js';
import { createSettingsService } from './settings.js';
import { createUsageService } from './usage.js';

/**
 * The composition of every domain service over one connection. `core.ts` builds the app with it and
 * the tests build theirs with it too, so a test's services are wired exactly like the app's.
 */
export function createServices(db: WritableDb, clock: Clock, vault: Vault) {
  const settings = createSettingsService(db);
  const nowIso = () => clock.now().toISOString();
  const orders = createOrderService(db, clock);
  return {
    settings,
    licenses: createLicenseService(db, clock, settings),
    usage: createUsageService(db, clock),
    projects: createProjectService(db, vault, nowIso),
    keys: createKeyService(db, nowIso, vault),
    imports: createImportService(db, clock),
    dashboard: createDashboardService(db, settings),
    orders,
    fulfilment: createFulfilmentService(db, clock, orders),
  };
}
export type Services = ReturnType<typeof createServices>;
