import type { ordersChannels } from '../../../../shared/ipc/contract/orders.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function ordersHandlers(s: Pick<Services, 'orders' | 'fulfilment'>): HandlersFor<typeof ordersChannels> {
  return {
    'orders:list': (q) => s.orders.list(q),
    'orders:get': ({ id }) => s.orders.get(id),
    'orders:create': (input) => s.orders.create(input),
    'orders:transition': ({ id, to, note }) => s.orders.transition(id, to, note),
    'orders:checklist': ({ id, step, done }) => s.orders.setChecklistStep(id, step, done),
    'orders:forLicense': ({ licenseId }) => s.orders.forLicense(licenseId),
    'orders:openRenewal': ({ licenseId }) => s.orders.openRenewalFor(licenseId),
    'orders:candidates': ({ licenseId }) => s.fulfilment.candidates(licenseId),
    'orders:fulfil': ({ orderId, lineId, licenseId }) => s.fulfilment.fulfil(orderId, lineId, licenseId),
    'orders:lineage': ({ licenseId }) => s.fulfilment.lineage(licenseId),
    'orders:projectUsage': ({ handshakeCode, productCode, quotaMode }) => s.fulfilment.projectUsage(handshakeCode, productCode, quotaMode),
  };
}
