import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, WRITE_CHANNELS, type Channel } from '../../../shared/ipc/contract.js';
import type { DeletedLicense } from '../../../shared/domain/deleted-license.js';
import type { BackupList } from '../../../shared/domain/backups.js';
import { FIXED_AS_OF, countRows, newLicenseInput } from '../../fixtures/builders.js';
import { companyProfile, poDraft, poSettings } from '../../fixtures/purchase.js';
import { DLS2_KEY, DLS2_PROJECT, TRIAL_KEY } from '../../fixtures/keys.js';
import { encodeDls2 } from '../../../shared/keys/license-key.js';
import { TRUSTED, expectEnvelope, makeRouter, routerStore } from './router-setup.js';

const ctx = routerStore();

// Every channel of the contract, called once on a populated store through the router with output
// checks on: each answers within its schema, and each write leaves exactly one audit entry.
describe('every channel', () => {
  it('answers a populated store within the contract, and each write is audited once', async () => {
    const onInternalError = vi.fn();
    const dispatch = makeRouter(ctx.handlers, onInternalError, true);
    const ok = async (channel: string, input: unknown) => {
      const r = await dispatch(channel, input, TRUSTED);
      expectEnvelope(r);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.value;
    };
    const item = (await ok('licenses:create', newLicenseInput({ itemId: '1', projectCode: DLS2_PROJECT }))) as { id: number };
    const doomed = (await ok('licenses:create', newLicenseInput({ itemId: '3' }))) as { id: number };
    const arriving = (await ok('licenses:create', newLicenseInput({ itemId: '7', activatedOn: '2027-01-15', expiresOn: '2028-01-15' }))) as { id: number };
    const soon = (await ok('licenses:create', newLicenseInput({ itemId: '4', expiresOn: '2026-08-14' }))) as { id: number };
    const soonToo = (await ok('licenses:create', newLicenseInput({ itemId: '5', expiresOn: '2026-08-14' }))) as { id: number };
    await ok('usage:add', { licenseId: item.id, takenOn: '2026-07-01', used: 900 });
    await ok('keys:import', { text: `${DLS2_KEY}\n${TRIAL_KEY}`, mode: 'all-or-nothing' });
    const csv = 'Item Id,Product,Quota Mode,Accumulated Quota\n42,DBR,scans,100\n';
    const mapping = { 'Item Id': 'itemId', Product: 'product', 'Quota Mode': 'quotaMode', 'Accumulated Quota': 'quotaAmount' };
    await ok('company:update', companyProfile());
    const po = (await ok('po:create', poDraft(2))) as { id: number };
    const poToDelete = (await ok('po:create', poDraft(1))) as { id: number };
    const poToCancel = (await ok('po:create', poDraft(1))) as { id: number };
    const reseller = (await ok('resellers:create', { name: 'Scan Partners GmbH', region: 'Europe', country: 'Germany', contact: '', email: '', website: '', notes: '' })) as { id: number };
    const staged = (await ok('import:stage', { format: 'csv', fileName: 'a.csv', text: csv })) as { stagedId: string };
    const orders = 'Order Id,User Email,Company Name,Create Time,Amount,Product Sale Id,Product Name,Line Amount\n1001 (Paid),a@b.example,Acme,2026-01-02,"USD 1,249.00",77,DBR JS,"1,249.00"\n';
    // A Record over Channel: a channel added to the contract without a case here fails to compile.
    const inputs: Record<Channel, unknown> = {
      'app:info': undefined,
      'settings:get': undefined,
      'settings:update': { amberDays: 45, redDays: 10 },
      'settings:saveFolder': undefined,
      'settings:setSaveFolder': { folder: null },
      'products:list': undefined,
      'products:create': { code: 'ACME', name: 'Acme Scanner', editions: ['Pro'] },
      'licenses:list': { asOf: FIXED_AS_OF },
      'licenses:groups': { asOf: FIXED_AS_OF, groupByProject: true },
      'licenses:get': { id: item.id },
      'licenses:create': newLicenseInput({ itemId: '2' }),
      'licenses:update': { id: item.id, fields: newLicenseInput({ itemId: '1', projectCode: DLS2_PROJECT, alias: 'Edited' }) },
      'licenses:delete': { id: doomed.id },
      'licenses:deleted': undefined,
      'licenses:restoreDeleted': async () => ({ tombstoneId: ((await ok('licenses:deleted', undefined)) as DeletedLicense[])[0]!.tombstoneId }),
      'licenses:assignProject': { ids: [soon.id], projectCode: DLS2_PROJECT },
      'licenses:history': { id: item.id },
      'licenses:drawOrder': { id: item.id },
      'licenses:export': { asOf: FIXED_AS_OF, format: 'json' },
      'usage:list': { licenseId: item.id },
      'usage:add': { licenseId: item.id, takenOn: '2026-07-02', used: 950 },
      'projects:list': undefined,
      'projects:get': { id: 1 },
      'projects:byCode': { handshakeCode: DLS2_PROJECT },
      'projects:usage': { handshakeCode: DLS2_PROJECT },
      'keys:reveal': { id: 1 },
      'keys:check': { text: TRIAL_KEY },
      'keys:import': { text: encodeDls2({ handshakeCode: '100123456-100000042', organizationID: '100123456', mainServerURL: 'https://mdls.dynamsoftonline.com' }), mode: 'valid-only' },
      'keys:unassigned': undefined,
      'import:stage': { format: 'csv', fileName: 'b.csv', text: csv },
      'import:preview': { stagedId: staged.stagedId },
      'import:commit': { stagedId: staged.stagedId, mapping, mode: 'all-or-nothing' },
      'import:discard': { stagedId: staged.stagedId },
      'jobs:active': undefined,
      'jobs:cancel': { jobId: 'job-finished-long-ago' },
      'files:open': { path: '/fake/licenses-2026-07-10.json' },
      'files:reveal': { path: '/fake/licenses-2026-07-10.json' },
      'dashboard:summary': { asOf: FIXED_AS_OF },
      'orders:create': { kind: 'renewal', channel: 'store', requestedOn: FIXED_AS_OF, lines: [{ sourceId: item.id }] },
      'orders:list': { states: ['draft'] },
      'orders:get': { id: 1 },
      'orders:checklist': { id: 1, step: 'download', done: true },
      'orders:transition': { id: 1, to: 'sent' },
      'orders:forLicense': { licenseId: item.id },
      'orders:openRenewal': { licenseId: item.id },
      'orders:candidates': { licenseId: arriving.id },
      'orders:fulfil': { orderId: 1, lineId: 1, licenseId: arriving.id },
      'orders:lineage': { licenseId: item.id },
      'orders:projectUsage': { handshakeCode: DLS2_PROJECT, productCode: 'DBR', quotaMode: 'scans' },
      'projects:setHosting': { handshakeCode: DLS2_PROJECT, hosting: 'self' },
      'company:get': undefined,
      'company:update': companyProfile(),
      'po:settings': undefined,
      'po:updateSettings': poSettings({ numberPrefix: 'ACME-', nextSequence: 10 }),
      'po:list': undefined,
      'po:get': { id: po.id },
      'po:create': poDraft(1),
      'po:update': { id: po.id, draft: poDraft(3) },
      'po:delete': { id: poToDelete.id },
      'po:cancel': { id: poToCancel.id },
      'po:markSent': { id: po.id },
      'po:generate': { id: po.id },
      'po:previewPdf': { draft: poDraft(1), id: null },
      'po:linesForLicenses': { ids: [item.id] },
      'po:linesForOrder': async () => ({
        orderId: ((await ok('orders:create', { kind: 'add-quota', channel: 'purchase-order', requestedOn: FIXED_AS_OF, lines: [{ sourceId: arriving.id, quantity: 500 }] })) as { id: number }).id,
      }),
      'po:openEmail': { id: po.id },
      'po:openMailto': { id: po.id },
      'po:revealPdf': { id: po.id },
      'resellers:list': { region: 'eur' },
      'resellers:create': { name: 'Barcode Asia', region: 'Asia', country: 'Singapore', contact: 'Lee', email: 'lee@ba.example', website: 'https://ba.example', notes: '' },
      'resellers:update': { id: reseller.id, reseller: { name: 'Scan Partners GmbH', region: 'Europe (DACH)', country: 'Germany', contact: '', email: '', website: '', notes: '' } },
      'resellers:delete': { id: reseller.id },
      'purchases:list': undefined,
      'purchases:openStore': { productCode: 'DBR' },
      'purchases:import': { kind: 'order', text: orders, fileName: 'orders.csv' },
      'purchases:licenses': { orderId: '1001' },
      'purchases:forLicense': { licenseId: item.id },
      'reminders:list': { asOf: FIXED_AS_OF },
      'reminders:count': { asOf: FIXED_AS_OF },
      'reminders:dismiss': { id: `order-by:${soonToo.id}:2026-08-14:30`, asOf: FIXED_AS_OF },
      'reminders:snooze': { id: `order-by:${soon.id}:2026-08-14:30`, choice: 'next', asOf: FIXED_AS_OF },
      'reminders:settings': undefined,
      'reminders:updateSettings': { leadTimeDays: 15, offsets: [60, 30, 0], digestTime: '08:30', desktopNotifications: false, followUpDays: 5, overrides: [] },
      'reminders:calendar': { scope: 'all', asOf: FIXED_AS_OF },
      'reminders:desktop': undefined,
      'backups:list': undefined,
      'backups:create': undefined,
      'backups:chooseFolder': { path: ctx.tmp.make() },
      'backups:clearFolder': undefined,
      'backups:compare': async () => ({ name: ((await ok('backups:list', undefined)) as BackupList).backups[0]!.name }),
      'backups:restore': async () => ({ name: ((await ok('backups:list', undefined)) as BackupList).backups[0]!.name }),
      'quarantine:list': undefined,
      'quarantine:delete': () => {
        fs.mkdirSync(ctx.store.paths.quarantineDir, { recursive: true });
        fs.writeFileSync(path.join(ctx.store.paths.quarantineDir, 'license-desk.sqlite.2026-06-30T08-00-00-000Z'), `damaged ${TRIAL_KEY}`);
        return Promise.resolve({ name: 'license-desk.sqlite.2026-06-30T08-00-00-000Z' });
      },
      'audit:list': { licenseId: item.id },
      'audit:verify': undefined,
      'audit:export': { format: 'csv' },
    };
    // A function input is made when its channel's turn comes (an order still in draft by then). Each
    // write channel and each key reveal leaves exactly one audit entry naming it; other reads none.
    // setSaveFolder here sets the folder it already has (none: the test platform asks each time), so
    // nothing changes and no entry is due.
    const unchanged = new Set<Channel>(['settings:setSaveFolder']);
    const audited = new Set<Channel>(([...WRITE_CHANNELS, 'keys:reveal'] as Channel[]).filter((c) => !unchanged.has(c)));
    for (const channel of CHANNELS) {
      const input = inputs[channel];
      const made = typeof input === 'function' ? await (input as () => Promise<unknown>)() : input;
      const before = countRows(ctx.store.db, 'audit_log');
      await ok(channel, made);
      const added = ctx.store.db.prepare('SELECT channel FROM audit_log WHERE seq > ? ORDER BY seq').pluck().all(before);
      expect({ channel, added }).toEqual({ channel, added: audited.has(channel) ? [channel] : [] });
    }
    expect(onInternalError).not.toHaveBeenCalled();
    // Six created, one deleted and brought back by licenses:restoreDeleted.
    expect(countRows(ctx.store.db, 'license_items')).toBe(7);
  });
});
