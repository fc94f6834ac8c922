import { beforeEach, describe, expect, it } from 'vitest';
import type { LicenseItem } from '../../../shared/domain/license.js';
import { FIXED_AS_OF, FIXED_NOW_ISO, newLicenseInput } from '../../fixtures/builders.js';
import { eachFreshStore, type TestApi } from '../../fixtures/core.js';

const PROJECT = '100123456-100654321';
let api: TestApi;
let old: LicenseItem;

eachFreshStore((_s, a) => (api = a));
beforeEach(async () => {
  // Today is 2026-07-10; this license expires on 2026-09-30.
  old = await api.call('licenses:create', newLicenseInput({ itemId: '900001', quotaAmount: 10_000, activatedOn: '2025-09-30', expiresOn: '2026-09-30', projectCode: PROJECT }));
});

const renew = (sourceId = old.id, extra: Record<string, unknown> = {}) =>
  api.call('orders:create', { kind: 'renewal', channel: 'purchase-order', requestedOn: FIXED_AS_OF, lines: [{ sourceId }], ...extra });

describe('orders:create', () => {
  it('records a renewal with a PO-ready line and its term from the old expiry', async () => {
    const o = await renew();
    expect(o).toMatchObject({ kind: 'renewal', channel: 'purchase-order', state: 'draft', projectCode: PROJECT, requestedOn: FIXED_AS_OF, checklist: { download: false, import: false, attach: false } });
    expect(o.lines).toEqual([
      {
        id: expect.any(Number),
        sourceId: old.id,
        productCode: 'DBR',
        productName: old.productName,
        edition: null,
        term: 'annual',
        quotaMode: 'scans',
        quantity: 10_000,
        itemId: '900001',
        licenseId: null,
        handshakeCode: PROJECT,
        currentExpiry: '2026-09-30',
        requestedStart: '2026-09-30',
        requestedEnd: '2027-09-30',
        daysAdjusted: 0,
        fulfilledById: null,
      },
    ]);
    expect(o.events).toEqual([{ at: FIXED_NOW_ISO, from: null, to: 'draft', note: 'Recorded' }]);
  });

  it('co-terms several licenses to one date and records each line’s days gained or lost', async () => {
    const other = await api.call('licenses:create', newLicenseInput({ itemId: '900002', activatedOn: '2025-08-01', expiresOn: '2026-08-01' }));
    const o = await api.call('orders:create', { kind: 'renewal', channel: 'store', requestedOn: FIXED_AS_OF, coTermOn: '2027-09-30', markSent: true, lines: [{ sourceId: old.id }, { sourceId: other.id }] });
    expect(o.coTermOn).toBe('2027-09-30');
    expect(o.projectCode).toBeNull();
    expect(o.lines.map((l) => [l.itemId, l.requestedStart, l.requestedEnd, l.daysAdjusted])).toEqual([
      ['900001', '2026-09-30', '2027-09-30', 0],
      ['900002', '2026-08-01', '2027-09-30', 60],
    ]);
    expect(o.state).toBe('sent');
    expect(o.events.map((e) => [e.from, e.to])).toEqual([[null, 'draft'], ['draft', 'sent']]);
  });

  it('refuses a second open renewal, a renewal with another quota, and an already renewed license', async () => {
    await renew();
    expect(await api.fail('orders:create', { kind: 'renewal', channel: 'store', requestedOn: FIXED_AS_OF, lines: [{ sourceId: old.id }] })).toMatchObject({
      code: 'CONFLICT',
      message: 'Item 900001 already has an open renewal order (#1).',
    });
    const other = await api.call('licenses:create', newLicenseInput({ itemId: '900002' }));
    expect(await api.fail('orders:create', { kind: 'renewal', channel: 'store', requestedOn: FIXED_AS_OF, lines: [{ sourceId: other.id, quantity: 5 }] })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'A renewal keeps the quota of item 900002 (1000); add quota separately.',
    });
    expect(await api.fail('orders:create', { kind: 'renewal', channel: 'reseller', requestedOn: FIXED_AS_OF, lines: [{ sourceId: other.id }] })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('add quota: one line with the chosen quantity; refused with the reason for an expired license', async () => {
    const o = await api.call('orders:create', { kind: 'add-quota', channel: 'store', requestedOn: FIXED_AS_OF, lines: [{ sourceId: old.id, quantity: 20_000 }] });
    expect(o.lines[0]).toMatchObject({ quantity: 20_000, requestedStart: FIXED_AS_OF, requestedEnd: '2027-07-10', handshakeCode: PROJECT });
    const expired = await api.call('licenses:create', newLicenseInput({ itemId: '900003', activatedOn: '2025-07-01', expiresOn: '2026-07-01', projectCode: PROJECT }));
    const err = await api.fail('orders:create', { kind: 'add-quota', channel: 'store', requestedOn: FIXED_AS_OF, lines: [{ sourceId: expired.id, quantity: 10 }] });
    expect(err).toMatchObject({ code: 'CONFLICT', message: 'Item 900003 expired on 2026-07-01: quota can only be added before a license expires. Renew it instead.' });
  });
});

describe('orders:transition', () => {
  it('keeps every change with its time and refuses illegal ones with a clear message', async () => {
    const o = await renew();
    expect(await api.fail('orders:transition', { id: o.id, to: 'fulfilled' })).toEqual({ code: 'CONFLICT', message: 'Order #1: Mark the order as sent before it is fulfilled.' });
    const sent = await api.call('orders:transition', { id: o.id, to: 'sent', note: 'Mailed to sales' });
    expect(sent.events.at(-1)).toEqual({ at: FIXED_NOW_ISO, from: 'draft', to: 'sent', note: 'Mailed to sales' });
    expect(await api.fail('orders:transition', { id: o.id, to: 'fulfilled' })).toEqual({ code: 'CONFLICT', message: 'Order #1: Link the arriving license first: 1 of 1 line is not linked.' });
    expect(await api.fail('orders:transition', { id: o.id, to: 'draft' })).toMatchObject({ message: 'Order #1: A sent order cannot go back to draft; cancel it and record a new one.' });
    const cancelled = await api.call('orders:transition', { id: o.id, to: 'cancelled' });
    expect(cancelled.events.map((e) => e.to)).toEqual(['draft', 'sent', 'cancelled']);
    expect(await api.fail('orders:transition', { id: o.id, to: 'sent' })).toMatchObject({ message: 'Order #1: A cancelled order is final; record a new order instead.' });
    expect(await api.call('orders:openRenewal', { licenseId: old.id })).toBeNull();
  });

  it('filters by state and kind; reports open renewals for reminders', async () => {
    const r = await renew();
    await api.call('orders:create', { kind: 'add-quota', channel: 'store', requestedOn: FIXED_AS_OF, lines: [{ sourceId: old.id, quantity: 5 }] });
    expect((await api.call('orders:list', {})).map((o) => o.kind)).toEqual(['add-quota', 'renewal']);
    expect((await api.call('orders:list', { kinds: ['renewal'] })).map((o) => o.id)).toEqual([r.id]);
    expect(await api.call('orders:list', { states: ['sent'] })).toEqual([]);
    expect((await api.call('orders:openRenewal', { licenseId: old.id }))?.id).toBe(r.id);
    expect(api.deps.orders.licensesWithOpenRenewal()).toEqual([old.id]);
  });

  it('remembers the self-hosted checklist', async () => {
    const o = await renew();
    await api.call('orders:checklist', { id: o.id, step: 'download', done: true });
    const again = await api.call('orders:checklist', { id: o.id, step: 'import', done: true });
    expect(again.checklist).toEqual({ download: true, import: true, attach: false });
  });
});

describe('fulfilment', () => {
  it('a renewal: the arriving license is offered, linked, marks the old one renewed and chains old → new', async () => {
    const o = await renew();
    await api.call('orders:transition', { id: o.id, to: 'sent' });
    const arrived = await api.call('licenses:create', newLicenseInput({ itemId: '900010', quotaAmount: 10_000, activatedOn: '2026-09-30', expiresOn: '2027-09-30' }));
    expect(await api.call('orders:candidates', { licenseId: arrived.id })).toEqual([
      { orderId: o.id, lineId: o.lines[0]!.id, kind: 'renewal', state: 'sent', sourceId: old.id, sourceItemId: '900001', productName: old.productName, quantity: 10_000, handshakeCode: PROJECT, quantityMatches: true },
    ]);
    const done = await api.call('orders:fulfil', { orderId: o.id, lineId: o.lines[0]!.id, licenseId: arrived.id });
    expect(done.state).toBe('fulfilled');
    expect(done.events.at(-1)).toMatchObject({ from: 'sent', to: 'fulfilled', note: 'Item 900010 linked' });
    expect(done.lines[0]!.fulfilledById).toBe(arrived.id);
    const oldNow = await api.call('licenses:get', { id: old.id });
    expect(oldNow.renewedById).toBe(arrived.id);
    // The arrival joined the project it was bought for.
    expect((await api.call('licenses:get', { id: arrived.id })).projectCode).toBe(PROJECT);
    expect(await api.call('orders:lineage', { licenseId: arrived.id })).toEqual({
      previous: [{ id: old.id, itemId: '900001', expiresOn: '2026-09-30' }],
      next: [],
      orders: [{ id: o.id, kind: 'renewal', state: 'fulfilled', role: 'fulfilment', requestedOn: FIXED_AS_OF }],
    });
    expect((await api.call('orders:lineage', { licenseId: old.id })).next).toEqual([{ id: arrived.id, itemId: '900010', expiresOn: '2027-09-30' }]);
    expect((await api.call('licenses:history', { id: old.id }))[0]).toMatchObject({ action: 'renewed', changes: { renewedBy: '900010', order: o.id } });
    expect(await api.call('orders:candidates', { licenseId: arrived.id })).toEqual([]);
    expect((await api.call('dashboard:summary', { asOf: FIXED_AS_OF })).counts).toMatchObject({ renewed: 1 });
  });

  it('refuses a draft order, another product, another project and a second link', async () => {
    const o = await renew();
    const lineId = o.lines[0]!.id;
    const barcode = await api.call('licenses:create', newLicenseInput({ itemId: '900011' }));
    expect(await api.fail('orders:fulfil', { orderId: o.id, lineId, licenseId: barcode.id })).toMatchObject({ message: 'Order #1: Mark the order as sent before it is fulfilled.' });
    await api.call('orders:transition', { id: o.id, to: 'sent' });
    const twain = await api.call('licenses:create', newLicenseInput({ itemId: '900012', productCode: 'DWT', quotaMode: 'pages' }));
    expect((await api.fail('orders:fulfil', { orderId: o.id, lineId, licenseId: twain.id })).message).toMatch(/^Item 900012 is Dynamic Web TWAIN; the order line is for /);
    const elsewhere = await api.call('licenses:create', newLicenseInput({ itemId: '900013', projectCode: '100123456-999' }));
    expect((await api.fail('orders:fulfil', { orderId: o.id, lineId, licenseId: elsewhere.id })).message).toBe('Item 900013 is on project 100123456-999; the order is for project 100123456-100654321.');
    expect(await api.call('orders:candidates', { licenseId: elsewhere.id })).toEqual([]);
    await api.call('orders:fulfil', { orderId: o.id, lineId, licenseId: barcode.id });
    expect((await api.fail('orders:fulfil', { orderId: o.id, lineId, licenseId: elsewhere.id })).code).toBe('CONFLICT');
  });

  it('added quota joins the project and its totals', async () => {
    await api.call('usage:add', { licenseId: old.id, takenOn: '2026-06-01', used: 4_000 });
    await api.call('usage:add', { licenseId: old.id, takenOn: '2026-07-01', used: 7_000 });
    const o = await api.call('orders:create', { kind: 'add-quota', channel: 'store', requestedOn: FIXED_AS_OF, markSent: true, lines: [{ sourceId: old.id, quantity: 10_000 }] });
    const arrived = await api.call('licenses:create', newLicenseInput({ itemId: '900020', quotaAmount: 10_000, activatedOn: FIXED_AS_OF, expiresOn: '2027-07-10' }));
    const before = await api.call('orders:projectUsage', { handshakeCode: PROJECT, productCode: 'DBR', quotaMode: 'scans' });
    expect(before).toMatchObject({ itemCount: 1, totalQuota: 10_000, expiresOn: '2026-09-30' });
    await api.call('orders:fulfil', { orderId: o.id, lineId: o.lines[0]!.id, licenseId: arrived.id });
    expect((await api.call('licenses:get', { id: old.id })).renewedById).toBeNull();
    const after = await api.call('orders:projectUsage', { handshakeCode: PROJECT, productCode: 'DBR', quotaMode: 'scans' });
    expect(after).toEqual({
      handshakeCode: PROJECT,
      productCode: 'DBR',
      quotaMode: 'scans',
      itemCount: 2,
      totalQuota: 20_000,
      expiresOn: '2027-07-10',
      readings: [{ takenOn: '2026-06-01', used: 4_000 }, { takenOn: '2026-07-01', used: 7_000 }],
    });
  });
});

describe('projects:setHosting', () => {
  it('stores the answer on the project', async () => {
    expect((await api.call('projects:setHosting', { handshakeCode: PROJECT, hosting: 'self' })).hosting).toBe('self');
    expect((await api.call('projects:byCode', { handshakeCode: PROJECT })).hosting).toBe('self');
    expect((await api.fail('projects:setHosting', { handshakeCode: '1-none', hosting: 'self' })).code).toBe('NOT_FOUND');
  });
});

describe('projects:usage', () => {
  it('sums the project per product and quota mode, leaving out expired items and groups that hold nothing now', async () => {
    await api.call('usage:add', { licenseId: old.id, takenOn: '2026-07-01', used: 2_500 });
    await api.call('licenses:create', newLicenseInput({ itemId: '900030', quotaAmount: 5_000, activatedOn: '2026-01-01', expiresOn: '2027-01-01', projectCode: PROJECT }));
    await api.call('licenses:create', newLicenseInput({ itemId: '900031', productCode: 'DWT', quotaMode: 'pages', quotaAmount: 2_000, activatedOn: '2026-01-01', expiresOn: '2027-01-01', projectCode: PROJECT }));
    // Expired last month: its quota no longer counts, and its group (devices) disappears.
    await api.call('licenses:create', newLicenseInput({ itemId: '900032', quotaMode: 'devices', quotaAmount: 3, activatedOn: '2025-06-01', expiresOn: '2026-06-01', projectCode: PROJECT }));
    const groups = await api.call('projects:usage', { handshakeCode: PROJECT });
    expect(groups.map((g) => [g.productCode, g.quotaMode, g.itemCount, g.totalQuota, g.expiresOn])).toEqual([
      ['DBR', 'scans', 2, 15_000, '2027-01-01'],
      ['DWT', 'pages', 1, 2_000, '2027-01-01'],
    ]);
    expect(groups[0]!.readings).toEqual([{ takenOn: '2026-07-01', used: 2_500 }]);
  });

  it('answers an empty list for a project without activated items, and NOT_FOUND for an unknown code', async () => {
    await api.call('licenses:create', newLicenseInput({ itemId: '900040', activationStatus: 'new', activatedOn: null, expiresOn: null, projectCode: '100123456-777' }));
    expect(await api.call('projects:usage', { handshakeCode: '100123456-777' })).toEqual([]);
    expect((await api.fail('projects:usage', { handshakeCode: '1-none' })).code).toBe('NOT_FOUND');
  });
});
