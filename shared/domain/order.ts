import { z } from 'zod';
import { IsoDate, Timestamp } from './primitives.js';
import { LicenseTerm, QuotaMode } from './quota.js';

/**
 * Orders: what the user has asked the vendor for (a new license, a renewal, added quota) and how far it
 * has got. The transition table below is the one the core enforces and the UI reads to enable buttons.
 */

export const ORDER_KINDS = ['new', 'renewal', 'add-quota'] as const;
export const OrderKind = z.enum(ORDER_KINDS);
export type OrderKind = z.infer<typeof OrderKind>;

/** docs/domain-notes.md §4.1: the online store, a purchase order to sales, or a reseller. */
export const ORDER_CHANNELS = ['store', 'purchase-order', 'reseller'] as const;
export const OrderChannel = z.enum(ORDER_CHANNELS);
export type OrderChannel = z.infer<typeof OrderChannel>;

export const ORDER_STATES = ['draft', 'sent', 'fulfilled', 'cancelled'] as const;
export const OrderState = z.enum(ORDER_STATES);
export type OrderState = z.infer<typeof OrderState>;

export const ORDER_KIND_LABELS: Record<OrderKind, string> = { new: 'New license', renewal: 'Renewal', 'add-quota': 'Add quota' };
export const ORDER_CHANNEL_LABELS: Record<OrderChannel, string> = { store: 'Online store', 'purchase-order': 'Purchase order', reseller: 'Reseller' };
export const ORDER_STATE_LABELS: Record<OrderState, string> = { draft: 'Draft', sent: 'Sent', fulfilled: 'Fulfilled', cancelled: 'Cancelled' };

/**
 * The product's page in Dynamsoft's online store (domain.md §4.1), else the store's front page. Only
 * https://www.dynamsoft.com is opened (electron/main/window-policy.ts EXTERNAL_ALLOWLIST).
 */
const STORE_PAGES: Readonly<Record<string, string>> = {
  DWT: 'https://www.dynamsoft.com/store/dynamic-web-twain/',
  DBR: 'https://www.dynamsoft.com/store/dynamsoft-barcode-reader/',
};
export function storeUrl(productCode: string): string {
  return STORE_PAGES[productCode] ?? 'https://www.dynamsoft.com/store/';
}

/** Draft → Sent → Fulfilled, or Cancelled from either open state. Fulfilled and Cancelled are final. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderState, readonly OrderState[]>> = Object.freeze({
  draft: Object.freeze(['sent', 'cancelled'] as const),
  sent: Object.freeze(['fulfilled', 'cancelled'] as const),
  fulfilled: Object.freeze([] as const),
  cancelled: Object.freeze([] as const),
});

/** Open orders still wait for the vendor or the user; only they can be linked to an arriving license. */
export function isOpenOrder(state: OrderState): boolean {
  return ORDER_TRANSITIONS[state].length > 0;
}

export function canTransition(from: OrderState, to: OrderState): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Why `from → to` is refused, in words for the user; null when the transition is allowed. */
export function transitionRefusal(from: OrderState, to: OrderState): string | null {
  if (canTransition(from, to)) return null;
  const was = ORDER_STATE_LABELS[from].toLowerCase();
  if (from === to) return `The order is already ${was}.`;
  if (from === 'fulfilled') return 'A fulfilled order is final: its license has arrived and is linked.';
  if (from === 'cancelled') return 'A cancelled order is final; record a new order instead.';
  if (to === 'fulfilled') return 'Mark the order as sent before it is fulfilled.';
  if (to === 'draft') return 'A sent order cannot go back to draft; cancel it and record a new one.';
  return `An order cannot go from ${was} to ${ORDER_STATE_LABELS[to].toLowerCase()}.`;
}

/**
 * The table plus the one rule that needs the order itself: it is fulfilled by linking the arriving
 * license to every line, so "fulfilled" is refused while a line is unlinked. The UI disables buttons with
 * this and the core refuses with it.
 */
export function orderTransitionRefusal(order: Pick<Order, 'state' | 'lines'>, to: OrderState): string | null {
  const refusal = transitionRefusal(order.state, to);
  if (refusal) return refusal;
  const open = order.lines.filter((l) => l.fulfilledById === null).length;
  if (to === 'fulfilled' && open > 0) return `Link the arriving license first: ${open} of ${order.lines.length} line${order.lines.length === 1 ? ' is' : 's are'} not linked.`;
  return null;
}

/** The self-hosted License Server steps (docs/domain-notes.md §4.3–4.4), ticked by the user and kept on the order. */
export const CHECKLIST_STEPS = ['download', 'import', 'attach'] as const;
export const ChecklistStep = z.enum(CHECKLIST_STEPS);
export type ChecklistStep = z.infer<typeof ChecklistStep>;
export const Checklist = z.strictObject({ download: z.boolean(), import: z.boolean(), attach: z.boolean() });
export type Checklist = z.infer<typeof Checklist>;
export const EMPTY_CHECKLIST: Checklist = Object.freeze({ download: false, import: false, attach: false });

const Text = (max: number) => z.string().trim().max(max);

/**
 * One thing bought: enough to write a purchase-order line without looking anything else up (product
 * code, edition and name, quantity, the Dynamsoft item and license ids, handshake code, current expiry
 * and the requested term).
 */
export const OrderLine = z.strictObject({
  id: z.number().int().positive(),
  /** The license item renewed or added to (app id); null for a new license. */
  sourceId: z.number().int().positive().nullable(),
  productCode: z.string(),
  productName: z.string(),
  edition: z.string().nullable(),
  term: LicenseTerm,
  quotaMode: QuotaMode,
  quantity: z.number().int().positive(),
  itemId: z.string().nullable(),
  licenseId: z.string().nullable(),
  handshakeCode: z.string().nullable(),
  currentExpiry: IsoDate.nullable(),
  requestedStart: IsoDate.nullable(),
  requestedEnd: IsoDate.nullable(),
  /** Co-terming: days the requested end differs from a plain one-year term. */
  daysAdjusted: z.number().int(),
  /** The license item that arrived for this line (app id), once linked. */
  fulfilledById: z.number().int().positive().nullable(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const OrderEvent = z.strictObject({
  at: Timestamp,
  from: OrderState.nullable(),
  to: OrderState,
  note: z.string(),
});
export type OrderEvent = z.infer<typeof OrderEvent>;

export const Order = z.strictObject({
  id: z.number().int().positive(),
  kind: OrderKind,
  channel: OrderChannel,
  state: OrderState,
  projectCode: z.string().nullable(),
  reseller: z.string().nullable(),
  reference: z.string(),
  notes: z.string(),
  /** The day the order was made (renewal date of the term arithmetic). */
  requestedOn: IsoDate,
  /** Co-terming: the one end date asked for on every line, if any. */
  coTermOn: IsoDate.nullable(),
  checklist: Checklist,
  lines: z.array(OrderLine),
  events: z.array(OrderEvent),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Order = z.infer<typeof Order>;

/**
 * A line as the wizard asks for it. The core fills the product, ids and expiry from the license and
 * works out the requested term itself (term.ts planRenewal), so the stored dates never depend on the
 * renderer's arithmetic. A renewal keeps the license's quota; an add-quota line names its quantity.
 */
export const NewOrderLine = z.strictObject({
  sourceId: z.number().int().positive(),
  quantity: z.number().int('Whole numbers only').min(1, 'At least 1').max(1_000_000_000).nullable().default(null),
  /** A renewal start the user chose instead of the default (term.ts RenewalOptions.startOverride). */
  startOverride: IsoDate.nullable().default(null),
});
export type NewOrderLine = z.input<typeof NewOrderLine>;

export const NewOrderInput = z
  .strictObject({
    kind: z.enum(['renewal', 'add-quota']),
    channel: OrderChannel,
    reseller: Text(200).nullable().default(null),
    reference: Text(200).default(''),
    notes: Text(4000).default(''),
    requestedOn: IsoDate,
    coTermOn: IsoDate.nullable().default(null),
    /** Record the order as already placed (Draft → Sent at once, both changes kept). */
    markSent: z.boolean().default(false),
    lines: z.array(NewOrderLine).min(1, 'An order needs at least one line').max(500),
  })
  .superRefine((o, ctx) => {
    if (o.channel === 'reseller' && !o.reseller) ctx.addIssue({ code: 'custom', path: ['reseller'], message: 'Name the reseller' });
    if (o.kind === 'add-quota' && o.lines.length !== 1) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'An add-quota order has one line' });
    if (o.kind === 'add-quota' && o.lines.some((l) => l.quantity === null)) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Choose how much quota to add' });
    if (o.kind === 'add-quota' && o.coTermOn !== null) ctx.addIssue({ code: 'custom', path: ['coTermOn'], message: 'Only renewals are co-termed' });
    const seen = new Set<number>();
    for (const l of o.lines) {
      if (seen.has(l.sourceId)) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'A license appears twice in the order' });
      seen.add(l.sourceId);
    }
  });
export type NewOrderInput = z.input<typeof NewOrderInput>;

export const OrderQuery = z.strictObject({
  states: z.array(OrderState).max(ORDER_STATES.length).default([]),
  kinds: z.array(OrderKind).max(ORDER_KINDS.length).default([]),
});
export type OrderQuery = z.input<typeof OrderQuery>;

/** An open order line an arriving license could fulfil. */
export const FulfilmentCandidate = z.strictObject({
  orderId: z.number().int().positive(),
  lineId: z.number().int().positive(),
  kind: OrderKind,
  state: OrderState,
  sourceId: z.number().int().positive().nullable(),
  sourceItemId: z.string().nullable(),
  productName: z.string(),
  quantity: z.number().int().positive(),
  handshakeCode: z.string().nullable(),
  /** The arriving license's quota equals the line's quantity. */
  quantityMatches: z.boolean(),
});
export type FulfilmentCandidate = z.infer<typeof FulfilmentCandidate>;

/** The renewal chain around one license: older items first, then newer. */
export const Lineage = z.strictObject({
  /** Items this one renewed, oldest first. */
  previous: z.array(z.strictObject({ id: z.number().int().positive(), itemId: z.string(), expiresOn: IsoDate.nullable() })),
  /** Items that renewed this one, nearest first. */
  next: z.array(z.strictObject({ id: z.number().int().positive(), itemId: z.string(), expiresOn: IsoDate.nullable() })),
  /** Orders with a line on this item (renewed or added to by, or fulfilled by it), newest first. */
  orders: z.array(z.strictObject({ id: z.number().int().positive(), kind: OrderKind, state: OrderState, role: z.enum(['source', 'fulfilment']), requestedOn: IsoDate })),
});
export type Lineage = z.infer<typeof Lineage>;
