import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection.js';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { takePoNumber } from '../../../electron/core/services/documents/numbering.js';
import type { Services } from '../../../electron/core/services/index.js';
import { totalsOf } from '../../../shared/domain/money.js';
import { TempDirs, countRows, fixedClock, newLicenseInput } from '../../fixtures/builders.js';
import { testApi, testPlatform, testServices, type TestPlatform } from '../../fixtures/core.js';
import { companyProfile, poDraft, poLine } from '../../fixtures/purchase.js';

const tmp = new TempDirs();
let store: OpenedStore;
let saver: TestPlatform;
let s: Services;

beforeEach(async () => {
  store = await openStore(tmp.make());
  saver = testPlatform();
  s = testServices(store.db, fixedClock(), saver);
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

describe('PO numbering', () => {
  it('numbers POs prefix + padded sequence, in order, and stores the total in minor units', () => {
    const a = s.purchaseOrders.create(poDraft(2));
    const b = s.purchaseOrders.create(poDraft(1));
    expect([a.number, b.number]).toEqual(['PO-00001', 'PO-00002']);
    expect(a.status).toBe('draft');
    expect(a.totalMinor).toBe(totalsOf(a.lines).total);
    expect(s.profile.poSettings().nextSequence).toBe(3);
  });

  it('never hands a number out again after a delete or a cancel, nor after the prefix comes back', () => {
    const a = s.purchaseOrders.create(poDraft(1));
    const b = s.purchaseOrders.create(poDraft(1));
    s.purchaseOrders.remove(b.id);
    s.purchaseOrders.cancel(a.id);
    expect(s.purchaseOrders.create(poDraft(1)).number).toBe('PO-00003');
    const settings = s.profile.poSettings();
    s.profile.updatePoSettings({ ...settings, numberPrefix: 'X-' });
    expect(s.purchaseOrders.create(poDraft(1)).number).toBe('X-00004');
    // Back to the old prefix: PO-00004 was never used, PO-00005 is next in sequence.
    s.profile.updatePoSettings({ ...s.profile.poSettings(), numberPrefix: 'PO-' });
    expect(s.purchaseOrders.create(poDraft(1)).number).toBe('PO-00005');
    // The ledger refuses deletion, and the sequence cannot be moved back.
    expect(() => store.db.prepare('DELETE FROM po_numbers').run()).toThrow('PO numbers are never released');
    expect(() => s.profile.updatePoSettings({ ...s.profile.poSettings(), nextSequence: 2 })).toThrow(/can only move forward/);
  });

  it('skips a number already in the ledger when the sequence digits change', () => {
    s.purchaseOrders.create(poDraft(1)); // PO-00001
    s.profile.updatePoSettings({ ...s.profile.poSettings(), sequenceDigits: 1, nextSequence: 2 });
    store.db.prepare("INSERT INTO po_numbers (number, issued_at) VALUES ('PO-2', 'x')").run();
    expect(s.purchaseOrders.create(poDraft(1)).number).toBe('PO-3');
  });

  it('two connections creating POs at once never share a number: the write lock serialises them', () => {
    const other = openDatabase(store.paths.dbFile);
    try {
      const s2 = testServices(other, fixedClock());
      const numbers: string[] = [];
      for (let i = 0; i < 20; i++) numbers.push(s.purchaseOrders.create(poDraft(1)).number, s2.purchaseOrders.create(poDraft(1)).number);
      expect(new Set(numbers).size).toBe(40);

      // While one connection holds its write transaction with a number taken, the other cannot take one.
      other.pragma('busy_timeout = 50');
      store.db.exec('BEGIN IMMEDIATE');
      const held = takePoNumber(store.db, s.profile.poSettings(), '2026-07-10T12:00:00.000Z');
      expect(() => s2.purchaseOrders.create(poDraft(1))).toThrow(/locked|busy/i);
      store.db.exec('COMMIT');
      const next = s2.purchaseOrders.create(poDraft(1)).number;
      expect(next).not.toBe(held);
      expect(Number(next.slice(3))).toBe(Number(held.slice(3)) + 1);
    } finally {
      other.close();
    }
  });

  it('refuses to take a number outside a transaction', () => {
    expect(() => takePoNumber(store.db, s.profile.poSettings(), 'now')).toThrow(/inside a write transaction/);
  });
});

describe('PO life cycle', () => {
  it('a sent PO records the time and can no longer be edited or deleted', () => {
    const po = s.purchaseOrders.create(poDraft(1));
    const sent = s.purchaseOrders.markSent(po.id);
    expect(sent.status).toBe('sent');
    expect(sent.sentAt).toBe('2026-07-10T12:00:00.000Z');
    expect(() => s.purchaseOrders.update(po.id, poDraft(2))).toThrow(/is sent; it cannot be edited/);
    expect(() => s.purchaseOrders.remove(po.id)).toThrow(/cannot be deleted/);
    expect(() => s.purchaseOrders.markSent(po.id)).toThrow(/cannot be marked as sent/);
  });

  it('generates the PDF and the .eml and saves both through the saver', async () => {
    s.profile.updateCompany(companyProfile());
    const po = s.purchaseOrders.create(poDraft(2));
    const r = await s.purchaseOrders.generate(po.id);
    if (!r.saved) throw new Error('not saved');
    expect(saver.saved.map((f) => f.name)).toEqual(['PO-00001.pdf', 'PO-00001.eml']);
    const pdf = Buffer.from(saver.saved[0]!.content as Uint8Array);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const eml = Buffer.from(saver.saved[1]!.content as Uint8Array).toString('latin1');
    expect(eml).toMatch(/^X-Unsent: 1\r\n/);
    expect(eml.replace(/\r\n/g, '')).toContain(pdf.toString('base64').slice(0, 300));
    expect(r.pdfFile).toBe('/fake/PO-00001.pdf');
    expect(r.mailto).toMatch(/^mailto:sales%40dynamsoft\.com\?subject=/);
    expect(r.po.documents).toMatchObject({ pdfFile: '/fake/PO-00001.pdf', emlFile: '/fake/PO-00001.eml' });
    expect(r.po.status).toBe('draft');

    await s.purchaseOrders.openEmail(po.id);
    expect(saver.opened).toEqual(['/fake/PO-00001.eml']);
    expect(await s.purchaseOrders.openMailto(po.id)).toEqual({ opened: true, pdfFile: '/fake/PO-00001.pdf' });
    expect(saver.external).toEqual([r.mailto]);
    expect(saver.revealed).toEqual(['/fake/PO-00001.pdf']);
  });

  it('a PO built from a renewal order carries its lines, and marking it sent turns the order Sent', () => {
    const lic = s.licenses.create(newLicenseInput({ itemId: '104200', licenseId: '200300', expiresOn: '2027-01-15', edition: 'JavaScript Edition', projectCode: '100123456-abc' }));
    const order = s.orders.create({ kind: 'renewal', channel: 'purchase-order', requestedOn: '2026-07-10', lines: [{ sourceId: lic.id }] });
    const lines = s.purchaseOrders.linesForOrder(order.id);
    expect(lines).toEqual([
      expect.objectContaining({ kind: 'renewal', itemId: '104200', licenseId: '200300', handshakeCode: '100123456-abc', currentExpiry: '2027-01-15', licenseItemRef: lic.id, requestedTerm: expect.stringMatching(/^2027-01-1\d to 2028-01-1\d$/) }),
    ]);
    const po = s.purchaseOrders.create(poDraft(1, { lines: lines.map((l) => ({ ...l, unitPriceMinor: 124_900 })), sourceOrderId: order.id }));
    s.purchaseOrders.markSent(po.id);
    const after = s.orders.get(order.id);
    expect(after.state).toBe('sent');
    expect(after.events.at(-1)).toMatchObject({ from: 'draft', to: 'sent', note: 'Purchase order PO-00001 sent' });
    expect(() => s.purchaseOrders.linesForOrder(order.id)).toThrow(/is sent; a PO is written for a draft order/);
  });

  it('without a company profile, says what to fill in and where', async () => {
    const po = s.purchaseOrders.create(poDraft(1));
    await expect(s.purchaseOrders.generate(po.id)).rejects.toThrow(/Fill in the company profile in Settings first: the company legal name and address, a billing contact/);
    expect(saver.saved).toHaveLength(0);
  });

  it('a full disk or an unwritable folder gives a clear message and keeps the draft as it was', async () => {
    s.profile.updateCompany(companyProfile());
    const po = s.purchaseOrders.create(poDraft(2));
    saver.failNextSave('ENOSPC');
    await expect(s.purchaseOrders.generate(po.id)).rejects.toThrow('The disk is full. Purchase order PO-00001 is kept as it was; try another place.');
    saver.failNextSave('EACCES');
    await expect(s.purchaseOrders.generate(po.id)).rejects.toThrow(/That folder cannot be written to\. Purchase order PO-00001 is kept/);
    expect(s.purchaseOrders.get(po.id)).toEqual(po);
    saver.cancelNextSave();
    expect(await s.purchaseOrders.generate(po.id)).toEqual({ saved: false });
    expect(s.purchaseOrders.get(po.id).documents).toBeNull();
  });

  it('builds renewal lines from selected licenses, and a license shows the POs that name it', () => {
    const lic = s.licenses.create(newLicenseInput({ itemId: '104200', licenseId: '200300', orderId: '3001', expiresOn: '2027-01-15', edition: 'JavaScript Edition' }));
    const [line] = s.purchaseOrders.linesForLicenses([lic.id], (id) => s.licenses.get(id));
    expect(line).toMatchObject({ kind: 'renewal', productSaleName: 'Dynamsoft Barcode Reader JavaScript Edition', itemId: '104200', licenseId: '200300', orderId: '3001', currentExpiry: '2027-01-15', licenseItemRef: lic.id });
    const po = s.purchaseOrders.create(poDraft(1, { lines: [{ ...line!, unitPriceMinor: 124_900 }] }));
    s.purchaseOrders.create(poDraft(1));
    expect(s.purchaseOrders.naming(lic.id).map((p) => p.number)).toEqual([po.number]);
  });
});

describe('PO input over IPC', () => {
  it('rejects a price or quantity that is negative, fractional or absurd, at the field', async () => {
    const api = testApi(store.db);
    const bad = poDraft(2, { lines: [poLine(1, { quantity: -1 }), poLine(2, { unitPriceMinor: 1.5 })] });
    const e = await api.fail('po:create', bad);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'lines.0.quantity', message: 'A quantity is at least 1' }), expect.objectContaining({ path: 'lines.1.unitPriceMinor' })]));
    const absurd = await api.fail('po:create', poDraft(1, { lines: [poLine(1, { quantity: 1_000_000, unitPriceMinor: 100_000_000 })] }));
    expect(absurd.issues).toEqual([expect.objectContaining({ path: 'lines.0.unitPriceMinor', message: 'Quantity × price is out of range' })]);
    expect(countRows(store.db, 'purchase_orders')).toBe(0);
    expect(countRows(store.db, 'po_numbers')).toBe(0);
  });

  it('validates the company profile and PO settings at the field', async () => {
    const api = testApi(store.db);
    const e = await api.fail('company:update', companyProfile({ legalName: ' ', technicalContacts: [] }));
    expect(e.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'legalName', message: 'Enter the company legal name' }), expect.objectContaining({ path: 'technicalContacts', message: 'Name at least one technical contact' })]));
    const settings = await api.call('po:settings', undefined);
    expect(settings).toMatchObject({ currency: 'USD', pageSize: 'LETTER', numberPrefix: 'PO-', vendor: { email: 'sales@dynamsoft.com' } });
    const bad = await api.fail('po:updateSettings', { ...settings, numberPrefix: 'PO/', storeUrl: 'http://insecure.example' });
    expect(bad.issues?.map((i) => i.path).sort()).toEqual(['numberPrefix', 'storeUrl']);
    expect(await api.call('company:get', undefined)).toBeNull();
  });
});
