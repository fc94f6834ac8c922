import type { JobServices } from '../../jobs/services.js';
import type { Services } from '../../services/index.js';
import { audited } from '../audited.js';
import type { Handlers } from '../router.js';
import { auditHandlers } from './audit.js';
import { appHandlers, type AppInfo } from './app.js';
import { backupsHandlers } from './backups.js';
import { dashboardHandlers } from './dashboard.js';
import { importsHandlers } from './imports.js';
import { filesHandlers, jobsHandlers } from './jobs.js';
import { keysHandlers } from './keys.js';
import { licensesHandlers } from './licenses.js';
import { ordersHandlers } from './orders.js';
import { projectsHandlers } from './projects.js';
import { purchasesHandlers } from './purchases.js';
import { quarantineHandlers } from './quarantine.js';
import { remindersHandlers } from './reminders.js';
import { settingsHandlers } from './settings.js';

export type { AppInfo } from './app.js';

/**
 * Every domain's handlers in one map. Handlers only call services; a channel missing here is a
 * compile error (Handlers is a mapped type over the whole contract). Write channels and key reveals
 * are audited here, in one place.
 */
export function createHandlers(services: Services, appInfo: () => AppInfo, jobs: JobServices): Handlers {
  return audited({
    ...appHandlers(appInfo),
    ...settingsHandlers(services),
    ...licensesHandlers(services, jobs),
    ...projectsHandlers(services),
    ...keysHandlers(services),
    ...importsHandlers(jobs),
    ...jobsHandlers(jobs),
    ...filesHandlers(jobs),
    ...dashboardHandlers(services),
    ...ordersHandlers(services),
    ...purchasesHandlers(services),
    ...remindersHandlers(services),
    ...backupsHandlers(services, jobs),
    ...quarantineHandlers(services),
    ...auditHandlers(services),
  }, services.audit);
}
