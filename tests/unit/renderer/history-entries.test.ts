import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import type { PurchaseRecord } from '../../../shared/domain/purchase-history';
import type { PoSummary } from '../../../shared/domain/purchase-order';
import { historyEntries } from '../../../renderer/src/features/purchase/history-entries';

const record = (id: number, createdOn: string | null, kind: PurchaseRecord['kind'] = 'order'): PurchaseRecord => ({
  id,
  kind,
  refId: `R${id}`,
  paid: kind === 'order' ? true : null,
  userEmail: 'bea@acme.example',
  company: 'Acme',
  createdOn,
  validFrom: null,
  validTo: null,
  amountMinor: 1000,
  currency: 'USD',
  importedAt: '2026-07-01T00:00:00.000Z',
  lines: [],
  licenseCount: 0,
});

const order = (id: number, requestedOn: string): Order => ({
  id,
  kind: 'renewal',
  channel: 'purchase-order',
  state: 'sent',
  projectCode: null,
  reseller: null,
  reference: '',
  notes: '',
  requestedOn,
  coTermOn: null,
  checklist: { download: false, import: false, attach: false },
  lines: [],
  events: [],
  createdAt: `${requestedOn}T00:00:00.000Z`,
  updatedAt: `${requestedOn}T00:00:00.000Z`,
});

const po = (id: number, orderDate: string, status: PoSummary['status'], sourceOrderId: number | null = null): PoSummary => ({
  id,
  number: `PO-${id}`,
  status,
  currency: 'USD',
  totalMinor: 100,
  orderDate,
  createdAt: `${orderDate}T00:00:00.000Z`,
  sentAt: null,
  sourceOrderId,
  lineCount: 1,
  firstLine: 'x',
});

describe('purchase history entries', () => {
  it("merges the portal's orders and quotes with the app's orders and POs, newest first, undated last", () => {
    const keys = historyEntries(
      [record(1, '2026-05-01'), record(2, null, 'quote'), record(3, '2026-07-02', 'quote')],
      [order(10, '2026-06-15'), order(11, '2026-07-02')],
      [po(20, '2026-06-20', 'sent'), po(21, '2026-04-01', 'cancelled')],
    ).map((e) => e.key);
    expect(keys).toEqual(['order-11', 'portal-3', 'po-20', 'order-10', 'portal-1', 'po-21', 'portal-2']);
  });

  it("shows a PO written for one of the app's orders with that order, not twice, and leaves draft POs out", () => {
    const entries = historyEntries([], [order(10, '2026-06-15')], [po(20, '2026-06-16', 'sent', 10), po(21, '2026-06-17', 'draft'), po(22, '2026-06-18', 'draft', 10)]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ source: 'order', key: 'order-10' });
    expect(entries[0]!.source === 'order' && entries[0]!.pos.map((p) => p.number)).toEqual(['PO-20', 'PO-22']);
    // A PO whose order is not in the list (deleted, or not loaded) stands on its own.
    expect(historyEntries([], [], [po(20, '2026-06-16', 'sent', 99)]).map((e) => e.key)).toEqual(['po-20']);
  });
});
