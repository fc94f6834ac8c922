import type { WritableDb } from '../db/connection.js';
import { dashboardSummary } from '../services/dashboard.js';
import type { ImportService } from '../services/import/service.js';
import { exportLicenses } from '../services/licenses/export.js';
import type { LicenseService } from '../services/licenses/service.js';
import type { KeyService } from '../services/projects/keys.js';
import type { ProjectService } from '../services/projects/service.js';
import type { SettingsService } from '../services/settings.js';
import type { UsageService } from '../services/usage.js';
import type { Handlers } from './router.js';

export interface HandlerDeps {
  db: WritableDb;
  licenses: LicenseService;
  usage: UsageService;
  projects: ProjectService;
  keys: KeyService;
  imports: ImportService;
  settings: SettingsService;
  appInfo: () => { version: string; dataDir: string; schemaVersion: number };
}

/** Thin: input → service call. A channel missing here is a compile error (Handlers is a mapped type). */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    'app:info': () => d.appInfo(),
    'settings:get': () => d.settings.status(),
    'settings:update': (s) => d.settings.updateStatus(s),
    'products:list': () => d.licenses.products(),
    'products:create': (p) => d.licenses.createProduct(p),
    'licenses:list': (q) => d.licenses.list(q),
    'licenses:groups': (v) => d.licenses.groups(v),
    'licenses:get': ({ id }) => d.licenses.get(id),
    'licenses:create': (input) => d.licenses.create(input),
    'licenses:update': ({ id, fields }) => d.licenses.update(id, fields),
    'licenses:delete': ({ id }) => d.licenses.remove(id),
    'licenses:history': ({ id }) => d.licenses.history(id),
    'licenses:drawOrder': ({ id }) => d.licenses.drawOrder(id),
    'licenses:export': ({ format, ...view }) => exportLicenses(d.db, view, d.settings.status(), format),
    'usage:list': ({ licenseId }) => d.usage.list(licenseId),
    'usage:add': (input) => d.usage.add(input),
    'projects:list': () => d.projects.list(),
    'projects:get': ({ id }) => d.projects.get(id),
    'projects:byCode': ({ handshakeCode }) => d.projects.byCode(handshakeCode),
    'keys:reveal': ({ id }) => ({ key: d.projects.revealKey(id) }),
    'keys:check': ({ text }) => d.keys.check(text),
    'keys:import': ({ text, mode }) => d.keys.import(text, mode),
    'keys:unassigned': () => d.projects.unassignedKeys(),
    'import:preview': (src) => d.imports.preview(src),
    'import:commit': (input) => {
      const report = d.imports.commit(input);
      // A large import changes the data's shape; refresh the planner's statistics while it is fresh.
      if (report.written) d.db.pragma('optimize');
      return report;
    },
    'dashboard:summary': ({ asOf }) => dashboardSummary(d.db, asOf, d.settings),
  };
}
