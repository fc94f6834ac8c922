import { z } from 'zod';
import { CURRENCIES } from './money.js';
import { IsoDate, Timestamp } from './primitives.js';

const text = (max: number) => z.string().trim().max(max);

export const Reseller = z.strictObject({
  name: z.string().trim().min(1, 'Enter the reseller name').max(200),
  region: z.string().trim().min(1, 'Enter a region, e.g. Europe').max(120),
  country: text(120),
  contact: text(200),
  // Both optional: an empty field is fine, anything else must be the real thing.
  email: z.string().trim().max(254).refine((v) => v === '' || z.email().safeParse(v).success, 'Enter an e-mail address like name@example.com'),
  website: z.string().trim().max(2000).refine((v) => v === '' || /^https?:\/\/[^\s/?#]+\.[^\s]+$/i.test(v), 'Enter a web address like https://example.com'),
  notes: text(2000),
});
export type Reseller = z.infer<typeof Reseller>;
export const StoredReseller = Reseller.extend({ id: z.number().int().positive() });
export type StoredReseller = z.infer<typeof StoredReseller>;

/** An order or a quote from the customer portal's My Orders and Quote lists (domain notes §5.1). */
export const PURCHASE_KINDS = ['order', 'quote'] as const;
export type PurchaseKind = (typeof PURCHASE_KINDS)[number];

export const PurchaseLine = z.strictObject({
  /** Product Sale Id for an order line; Item Id for a quote line. */
  itemId: z.string().nullable(),
  referrerItemId: z.string().nullable(),
  productName: z.string(),
  quantity: z.number().int().nullable(),
  amountMinor: z.number().int().nullable(),
});
export type PurchaseLine = z.infer<typeof PurchaseLine>;

export const PurchaseRecord = z.strictObject({
  id: z.number().int().positive(),
  kind: z.enum(PURCHASE_KINDS),
  refId: z.string(),
  /** Orders: the "(Paid)" mark; null when the list did not say. Quotes: always null. */
  paid: z.boolean().nullable(),
  userEmail: z.string(),
  company: z.string(),
  createdOn: IsoDate.nullable(),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  amountMinor: z.number().int().nullable(),
  currency: z.enum(CURRENCIES),
  importedAt: Timestamp,
  lines: z.array(PurchaseLine),
  /** Orders: how many license items in the inventory carry this order id. */
  licenseCount: z.number().int().min(0),
});
export type PurchaseRecord = z.infer<typeof PurchaseRecord>;

export const PurchaseImportInput = z.strictObject({
  kind: z.enum(PURCHASE_KINDS),
  /** The CSV file's text, or a table copied from the portal page (tab-separated). */
  text: z.string().min(1, 'Paste the list or choose a file').max(8 * 1024 * 1024, 'That is larger than any portal list (over 8 MB)'),
  fileName: text(260),
});
export type PurchaseImportInput = z.infer<typeof PurchaseImportInput>;

export const PurchaseImportReport = z.strictObject({
  added: z.number().int(),
  updated: z.number().int(),
  lines: z.number().int(),
  rejected: z.array(z.strictObject({ line: z.number().int(), message: z.string() })),
});
export type PurchaseImportReport = z.infer<typeof PurchaseImportReport>;
