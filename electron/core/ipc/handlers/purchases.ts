import type { purchasesChannels } from '../../../../shared/ipc/contract/purchases.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function purchasesHandlers(s: Pick<Services, 'profile' | 'purchaseOrders' | 'resellers' | 'purchaseHistory' | 'licenses'>): HandlersFor<typeof purchasesChannels> {
  return {
    'company:get': () => s.profile.company(),
    'company:update': (p) => s.profile.updateCompany(p),
    'po:settings': () => s.profile.poSettings(),
    'po:updateSettings': (p) => s.profile.updatePoSettings(p),
    'po:list': () => s.purchaseOrders.list(),
    'po:get': ({ id }) => s.purchaseOrders.get(id),
    'po:create': (draft) => s.purchaseOrders.create(draft),
    'po:update': ({ id, draft }) => s.purchaseOrders.update(id, draft),
    'po:delete': ({ id }) => s.purchaseOrders.remove(id),
    'po:cancel': ({ id }) => s.purchaseOrders.cancel(id),
    'po:markSent': ({ id }) => s.purchaseOrders.markSent(id),
    'po:generate': ({ id }) => s.purchaseOrders.generate(id),
    'po:previewPdf': async ({ draft, id }) => {
      const { number, pdf } = await s.purchaseOrders.previewPdf(draft, id);
      return { number, pdfBase64: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64') };
    },
    'po:linesForOrder': ({ orderId }) => s.purchaseOrders.linesForOrder(orderId),
    'po:openEmail': async ({ id }) => {
      await s.purchaseOrders.openEmail(id);
      return undefined;
    },
    'po:openMailto': ({ id }) => s.purchaseOrders.openMailto(id),
    'po:revealPdf': async ({ id }) => {
      await s.purchaseOrders.revealPdf(id);
      return undefined;
    },
    'purchases:openStore': ({ productCode }) => s.purchaseOrders.openStore(productCode),
    'po:linesForLicenses': ({ ids }) => s.purchaseOrders.linesForLicenses(ids, (id) => s.licenses.get(id)),
    'resellers:list': ({ region }) => s.resellers.list(region),
    'resellers:create': (r) => s.resellers.create(r),
    'resellers:update': ({ id, reseller }) => s.resellers.update(id, reseller),
    'resellers:delete': ({ id }) => s.resellers.remove(id),
    'purchases:list': () => s.purchaseHistory.list(),
    'purchases:import': (input) => s.purchaseHistory.import(input),
    'purchases:licenses': ({ orderId }) => s.purchaseHistory.licenseIdsForOrder(orderId).map((id) => s.licenses.get(id)),
    'purchases:forLicense': ({ licenseId }) => ({ order: s.purchaseHistory.orderForLicense(licenseId), purchaseOrders: s.purchaseOrders.naming(licenseId) }),
  };
}
