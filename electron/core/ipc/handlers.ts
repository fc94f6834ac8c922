import type { LicenseService } from '../services/licenses/service.js';
import type { Handlers } from './router.js';

export interface HandlerDeps {
  licenses: LicenseService;
  appInfo: () => { version: string; dataDir: string; schemaVersion: number };
}

/** Thin: input → service call. A channel missing here is a compile error (Handlers is a mapped type). */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:info': () => deps.appInfo(),
    'products:list': () => deps.licenses.products(),
    'licenses:list': (q) => deps.licenses.list(q),
    'licenses:get': ({ id }) => deps.licenses.get(id),
    'licenses:create': (input) => deps.licenses.create(input),
  };
}
