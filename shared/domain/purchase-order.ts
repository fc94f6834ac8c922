import { z } from 'zod';
import { CURRENCIES, MAX_LINE_MINOR, MAX_LINES, MAX_QUANTITY, MAX_UNIT_MINOR, BP_PER_WHOLE, totalsOf, type Totals } from './money.js';
import { DigitId, IsoDate, Timestamp } from './primitives.js';

const text = (max: number) => z.string().trim().max(max);

/** What a line buys: a new license, a renewal of an existing one, or more quota on one. */
export const PO_LINE_KINDS = ['new', 'renewal', 'addQuota'] as const;
export type PoLineKind = (typeof PO_LINE_KINDS)[number];
export const PO_LINE_KIND_LABELS: Record<PoLineKind, string> = { new: 'New license', renewal: 'Renewal', addQuota: 'Add quota' };

export const PoLine = z
  .strictObject({
    kind: z.enum(PO_LINE_KINDS),
    /** The vendor's Product Sale Name, spelt exactly as on the quote or store. */
    productSaleName: z.string().trim().min(1, 'Enter the product as the vendor spells it').max(300),
    sku: text(60),
    description: text(1000),
    /** For renewals and add-quota: the license the line is about, so the vendor can find it. */
    licenseId: DigitId.nullable(),
    itemId: DigitId.nullable(),
    orderId: DigitId.nullable(),
    handshakeCode: text(200).nullable(),
    currentExpiry: IsoDate.nullable(),
    requestedTerm: text(120),
    quantity: z
      .number({ error: 'Enter a quantity' })
      .int('A quantity is a whole number')
      .min(1, 'A quantity is at least 1')
      .max(MAX_QUANTITY, `At most ${MAX_QUANTITY.toLocaleString('en-US')}`),
    unitPriceMinor: z.number({ error: 'Enter a price' }).int().min(0, 'A price cannot be negative').max(MAX_UNIT_MINOR, 'That price is out of range'),
    discountBp: z.number().int().min(0).max(BP_PER_WHOLE),
    taxBp: z.number().int().min(0).max(BP_PER_WHOLE),
    /** The app's license item the line came from, when it came from one. */
    licenseItemRef: z.number().int().positive().nullable(),
  })
  .refine((l) => l.quantity * l.unitPriceMinor <= MAX_LINE_MINOR, { path: ['unitPriceMinor'], message: 'Quantity × price is out of range' });
export type PoLine = z.infer<typeof PoLine>;

export const QuoteRef = z
  .strictObject({
    quoteId: z.string().trim().min(1, 'Enter the quote id').max(40),
    validFrom: IsoDate.nullable(),
    validTo: IsoDate.nullable(),
  })
  .refine((q) => !q.validFrom || !q.validTo || q.validFrom <= q.validTo, { path: ['validTo'], message: 'The validity ends before it starts' });
export type QuoteRef = z.infer<typeof QuoteRef>;

export const Signatory = z.strictObject({ name: text(120), title: text(120) });

/** Everything the user writes on a PO; the number, state and times are the app's. */
export const PoDraft = z.strictObject({
  orderDate: IsoDate,
  requestedDelivery: IsoDate.nullable(),
  lines: z.array(PoLine).min(1, 'Add at least one line').max(MAX_LINES),
  quote: QuoteRef.nullable(),
  paymentTerms: text(200),
  deliveryMethod: text(200),
  requestedBy: Signatory,
  approvedBy: Signatory,
  notes: text(4000),
  /** The renewal or add-quota order this PO was built from, when there is one. */
  sourceOrderId: z.number().int().positive().nullable(),
});
export type PoDraft = z.infer<typeof PoDraft>;

export const PO_STATUSES = ['draft', 'sent', 'cancelled'] as const;
export type PoStatus = (typeof PO_STATUSES)[number];
export const PO_STATUS_LABELS: Record<PoStatus, string> = { draft: 'Draft', sent: 'Sent', cancelled: 'Cancelled' };

export const PoDocuments = z.strictObject({
  pdfFile: z.string(),
  emlFile: z.string(),
  generatedAt: Timestamp,
});

export const PurchaseOrder = PoDraft.extend({
  id: z.number().int().positive(),
  number: z.string(),
  status: z.enum(PO_STATUSES),
  currency: z.enum(CURRENCIES),
  totalMinor: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sentAt: Timestamp.nullable(),
  documents: PoDocuments.nullable(),
});
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

export const PoSummary = PurchaseOrder.pick({ id: true, number: true, status: true, currency: true, totalMinor: true, orderDate: true, createdAt: true, sentAt: true, sourceOrderId: true }).extend({
  lineCount: z.number().int(),
  firstLine: z.string(),
});
export type PoSummary = z.infer<typeof PoSummary>;

export function poTotals(draft: Pick<PoDraft, 'lines'>): Totals {
  return totalsOf(draft.lines);
}

/** A blank line, for the builder's "Add line". */
export function emptyPoLine(kind: PoLineKind = 'new'): PoLine {
  return {
    kind,
    productSaleName: '',
    sku: '',
    description: '',
    licenseId: null,
    itemId: null,
    orderId: null,
    handshakeCode: null,
    currentExpiry: null,
    requestedTerm: '',
    quantity: 1,
    unitPriceMinor: 0,
    discountBp: 0,
    taxBp: 0,
    licenseItemRef: null,
  };
}

/** The detail lines printed under a renewal or add-quota line: which license, which expiry, what term. */
export function lineReferences(l: PoLine): string[] {
  const refs: string[] = [];
  if (l.licenseId) refs.push(`License ID ${l.licenseId}`);
  if (l.itemId) refs.push(`Item ID ${l.itemId}`);
  if (l.orderId) refs.push(`Order ID ${l.orderId}`);
  if (l.handshakeCode) refs.push(`Project ${l.handshakeCode}`);
  if (l.currentExpiry) refs.push(`Current expiry ${l.currentExpiry}`);
  if (l.requestedTerm) refs.push(`Requested term: ${l.requestedTerm}`);
  return refs;
}

/** Is a quote still valid on a given day (inclusive window)? Open-ended sides count as valid. */
export function quoteValidOn(q: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (!q.validFrom || q.validFrom <= day) && (!q.validTo || day <= q.validTo);
}

/** A requested term as printed: "2026-07-11 to 2027-07-10", or the one side that is known, or "". */
export function formatPeriod(start: string | null, end: string | null): string {
  if (start && end) return `${start} to ${end}`;
  if (end) return `until ${end}`;
  if (start) return `from ${start}`;
  return '';
}
