import type { Order } from '../../../../shared/domain/order';
import type { PurchaseRecord } from '../../../../shared/domain/purchase-history';
import type { PoSummary } from '../../../../shared/domain/purchase-order';

/** One row of the purchase history: a portal order or quote, an order made in this app, or a PO. */
export type HistoryEntry =
  | { source: 'portal'; key: string; date: string | null; record: PurchaseRecord }
  /** A renewal or add-quota order from the wizards, with the POs written for it. */
  | { source: 'order'; key: string; date: string; order: Order; pos: PoSummary[] }
  /** A PO written here that no order of the app stands behind (from scratch, licenses or a quote). */
  | { source: 'po'; key: string; date: string; po: PoSummary };

/**
 * The portal's orders and quotes and what this app made, in one list, newest first. A PO written for
 * one of the app's orders is shown with that order rather than twice; a PO still a draft is not yet
 * a purchase and stays on the PO list. Entries of the same day keep the order given: the app's first.
 */
export function historyEntries(records: readonly PurchaseRecord[], orders: readonly Order[], pos: readonly PoSummary[]): HistoryEntry[] {
  const orderIds = new Set(orders.map((o) => o.id));
  const posFor = new Map<number, PoSummary[]>();
  for (const p of pos) if (p.sourceOrderId !== null && orderIds.has(p.sourceOrderId)) posFor.set(p.sourceOrderId, [...(posFor.get(p.sourceOrderId) ?? []), p]);
  const entries: HistoryEntry[] = [
    ...orders.map((order): HistoryEntry => ({ source: 'order', key: `order-${order.id}`, date: order.requestedOn, order, pos: posFor.get(order.id) ?? [] })),
    ...pos
      .filter((p) => p.status !== 'draft' && !(p.sourceOrderId !== null && orderIds.has(p.sourceOrderId)))
      .map((po): HistoryEntry => ({ source: 'po', key: `po-${po.id}`, date: po.orderDate, po })),
    ...records.map((record): HistoryEntry => ({ source: 'portal', key: `portal-${record.id}`, date: record.createdOn, record })),
  ];
  // Undated portal rows go last; Array.prototype.sort is stable, so ties keep the order above.
  return entries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
