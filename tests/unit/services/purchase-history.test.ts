import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { parsePurchaseHistory } from '../../../electron/core/services/purchases/history-parse.js';
import type { Services } from '../../../electron/core/services/index.js';
import { quoteValidOn } from '../../../shared/domain/purchase-order.js';
import { TempDirs, countRows, newLicenseInput } from '../../fixtures/builders.js';
import { testServices } from '../../fixtures/core.js';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/portal', name), 'utf8');
const tmp = new TempDirs();
let store: OpenedStore;
let s: Services;

beforeEach(async () => {
  store = await openStore(tmp.make());
  s = testServices(store.db);
});
afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

describe('portal My Orders list', () => {
  it('reads a table pasted from the page: orders with their paid state and expanded lines', () => {
    const { records, rejected } = parsePurchaseHistory(fixture('my-orders-pasted.tsv'), 'order');
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ refId: '10420317', paid: true, userEmail: 'bea@acme.example', company: 'Acme Scanning Ltd', createdOn: '2026-07-10', amountMinor: 509_700 });
    expect(records[0]!.lines.map((l) => [l.itemId, l.amountMinor])).toEqual([
      ['88101', 259_900],
      ['88102', 124_900],
      ['88103', 124_900],
    ]);
    expect(records[1]).toMatchObject({ refId: '10419888', paid: null, amountMinor: 124_900, lines: [] });
  });

  it('imports, follows an order to its licenses and a license to its order, and re-imports without duplicates', () => {
    const a = s.licenses.create(newLicenseInput({ itemId: '500001', orderId: '10420317' }));
    s.licenses.create(newLicenseInput({ itemId: '500002', orderId: '10420317' }));
    const other = s.licenses.create(newLicenseInput({ itemId: '500003', orderId: '999' }));
    expect(s.purchaseHistory.import({ kind: 'order', text: fixture('my-orders-pasted.tsv'), fileName: 'orders.tsv' })).toEqual({ added: 2, updated: 0, lines: 3, rejected: [] });
    const list = s.purchaseHistory.list();
    expect(list.map((r) => [r.refId, r.licenseCount])).toEqual([
      ['10420317', 2],
      ['10419888', 0],
    ]);
    expect(s.purchaseHistory.licenseIdsForOrder('10420317')).toHaveLength(2);
    expect(s.purchaseHistory.orderForLicense(a.id)?.refId).toBe('10420317');
    expect(s.purchaseHistory.orderForLicense(other.id)).toBeNull();
    expect(s.purchaseHistory.import({ kind: 'order', text: fixture('my-orders-pasted.tsv'), fileName: 'orders.tsv' })).toMatchObject({ added: 0, updated: 2 });
    expect(countRows(store.db, 'purchase_record_lines')).toBe(3);
  });

  it('refuses the whole list when one row is unreadable, naming the line', () => {
    const bad = 'Order Id,User Email,Company Name,Create Time,Amount\n1001,a@b.example,Acme,2026-01-01,USD 10\nabc,a@b.example,Acme,2026-01-01,USD 10\n1002,a@b.example,Acme,2026-01-01,ten dollars\n';
    expect(() => s.purchaseHistory.import({ kind: 'order', text: bad, fileName: 'x.csv' })).toThrow(/Nothing was imported: 2 rows could not be read\. Line 3: "abc" is not a portal order id/);
    expect(countRows(store.db, 'purchase_records')).toBe(0);
    expect(() => s.purchaseHistory.import({ kind: 'order', text: 'just,some,text\n1,2,3\n', fileName: 'x.csv' })).toThrow(/No header row found: a My Orders list starts with Order Id/);
  });
});

describe('portal Quote list', () => {
  it('reads a flat CSV with the validity window and lines with item and referrer ids; flags an expired quote', () => {
    s.purchaseHistory.import({ kind: 'quote', text: fixture('quotes.csv'), fileName: 'quotes.csv' });
    const [fresh, old] = s.purchaseHistory.list();
    expect(fresh).toMatchObject({ kind: 'quote', refId: '7001', validFrom: '2026-07-01', validTo: '2026-08-01', amountMinor: 249_800, paid: null });
    expect(fresh!.lines).toEqual([{ itemId: '501', referrerItemId: '10420301', productName: 'Dynamsoft Barcode Reader JavaScript Edition - 10000 barcode scans renewal', quantity: 2, amountMinor: 249_800 }]);
    expect(old).toMatchObject({ refId: '7002', validTo: '2025-07-01', amountMinor: 124_900 });
    expect(quoteValidOn(fresh!, '2026-07-10')).toBe(true);
    expect(quoteValidOn(old!, '2026-07-10')).toBe(false);
  });
});

describe('reseller directory', () => {
  it('is searchable by region (and country), case-insensitively', () => {
    const base = { contact: '', email: '', website: '', notes: '' };
    s.resellers.create({ ...base, name: 'Scan Partners GmbH', region: 'Europe', country: 'Germany' });
    s.resellers.create({ ...base, name: 'Barcode Asia', region: 'Asia Pacific', country: 'Singapore' });
    expect(s.resellers.list('eur').map((r) => r.name)).toEqual(['Scan Partners GmbH']);
    expect(s.resellers.list('SINGA').map((r) => r.name)).toEqual(['Barcode Asia']);
    expect(s.resellers.list('')).toHaveLength(2);
    expect(s.resellers.list('%')).toHaveLength(0);
  });
});
