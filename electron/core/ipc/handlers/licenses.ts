import type { licensesChannels } from '../../../../shared/ipc/contract/licenses.js';
import type { JobServices } from '../../jobs/services.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function licensesHandlers(s: Pick<Services, 'licenses' | 'usage' | 'deletedLicenses'>, j: Pick<JobServices, 'exports'>): HandlersFor<typeof licensesChannels> {
  return {
    'licenses:list': (q) => s.licenses.list(q),
    'licenses:groups': (v) => s.licenses.groups(v),
    'licenses:get': ({ id }) => s.licenses.get(id),
    'licenses:create': (input) => s.licenses.create(input),
    'licenses:update': ({ id, fields }) => s.licenses.update(id, fields),
    'licenses:delete': ({ id }) => s.licenses.remove(id),
    'licenses:deleted': () => s.deletedLicenses.list(),
    'licenses:restoreDeleted': ({ tombstoneId }) => s.deletedLicenses.restore(tombstoneId),
    'licenses:assignProject': ({ ids, projectCode }) => s.licenses.assignProject(ids, projectCode),
    'licenses:history': ({ id }) => s.licenses.history(id),
    'licenses:drawOrder': ({ id }) => s.licenses.drawOrder(id),
    'licenses:export': ({ format, ...view }) => j.exports.licenses(view, format),
    'usage:list': ({ licenseId }) => s.usage.list(licenseId),
    'usage:add': (input) => s.usage.add(input),
  };
}
