import { z } from 'zod';
import { CompanyProfile, PoSettings } from '../../domain/company.js';
import { LicenseItem } from '../../domain/license.js';
import { PurchaseImportInput, PurchaseImportReport, PurchaseRecord, Reseller, StoredReseller } from '../../domain/purchase-history.js';
import { PoDraft, PoLine, PoSummary, PurchaseOrder } from '../../domain/purchase-order.js';
import { Id } from './common.js';
import { read, write } from './define.js';

export const GenerateResult = z.discriminatedUnion('saved', [
  /** The user closed the save dialog: nothing was written. */
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({ saved: z.literal(true), pdfFile: z.string(), emlFile: z.string(), mailto: z.string(), po: PurchaseOrder }),
]);

/** Company profile and PO settings, purchase orders and their documents, resellers, purchase history. */
export const purchasesChannels = {
  /** Null until the company profile has been filled in. */
  'company:get': read(z.undefined(), CompanyProfile.nullable()),
  'company:update': write(CompanyProfile, CompanyProfile),

  'po:settings': read(z.undefined(), PoSettings),
  'po:updateSettings': write(PoSettings, PoSettings),
  'po:list': read(z.undefined(), z.array(PoSummary)),
  'po:get': read(Id, PurchaseOrder),
  'po:create': write(PoDraft, PurchaseOrder),
  'po:update': write(z.strictObject({ id: z.number().int().positive(), draft: PoDraft }), PurchaseOrder),
  'po:delete': write(Id, z.strictObject({ id: z.number().int().positive(), number: z.string() })),
  'po:cancel': write(Id, PurchaseOrder),
  'po:markSent': write(Id, PurchaseOrder),
  /** Renders the PDF and the .eml draft and saves them through the platform. */
  'po:generate': write(Id, GenerateResult),
  /**
   * The PDF the draft in the builder would print as (its unsaved edits included), base64, for the
   * first-page preview. Renders in a job worker; nothing is stored or saved.
   */
  'po:previewPdf': read(z.strictObject({ draft: PoDraft, id: z.number().int().positive().nullable() }), z.strictObject({ number: z.string(), pdfBase64: z.string().max(40_000_000) })),
  /** Renewal lines for license items picked in the inventory. */
  'po:linesForLicenses': read(z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(500) }), z.array(PoLine)),
  /** Lines for a draft renewal or add-quota order (orders:create). */
  'po:linesForOrder': read(z.strictObject({ orderId: z.number().int().positive() }), z.array(PoLine)),
  // Opening and revealing change no stored data: read channels.
  /** Opens the saved .eml in the system's mail client. */
  'po:openEmail': read(Id, z.undefined()),
  /** The fallback: a mailto: message with the body prefilled, and the PDF revealed in its folder to attach. */
  'po:openMailto': read(Id, z.strictObject({ opened: z.boolean(), pdfFile: z.string() })),
  'po:revealPdf': read(Id, z.undefined()),

  'resellers:list': read(z.strictObject({ region: z.string().max(120) }), z.array(StoredReseller)),
  'resellers:create': write(Reseller, StoredReseller),
  'resellers:update': write(z.strictObject({ id: z.number().int().positive(), reseller: Reseller }), StoredReseller),
  'resellers:delete': write(Id, Id),

  'purchases:list': read(z.undefined(), z.array(PurchaseRecord)),
  /** Opens a product's store page (or the store) through the allowlisted opener; false when refused. */
  'purchases:openStore': read(z.strictObject({ productCode: z.string().max(16).nullable() }), z.boolean()),
  'purchases:import': write(PurchaseImportInput, PurchaseImportReport),
  /** The inventory's license items that came with a portal order. */
  'purchases:licenses': read(z.strictObject({ orderId: z.string().max(40) }), z.array(LicenseItem)),
  /** Where a license item came from: its portal order, and the POs that name it. */
  'purchases:forLicense': read(z.strictObject({ licenseId: z.number().int().positive() }), z.strictObject({ order: PurchaseRecord.nullable(), purchaseOrders: z.array(PoSummary) })),
} as const;
