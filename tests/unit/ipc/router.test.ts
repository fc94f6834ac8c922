import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations/index.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { AppError } from '../../../electron/core/errors.js';
import { createRouter, type Dispatch, type Handlers, type SenderInfo } from '../../../electron/core/ipc/router.js';
import { APP_ORIGIN, createSenderGuard } from '../../../electron/core/ipc/sender-guard.js';
import { CHANNELS, WRITE_CHANNELS, contract, type Channel } from '../../../shared/ipc/contract.js';
import { IpcErrorShape, type IpcResult } from '../../../shared/ipc/result.js';
import type { BackupList } from '../../../shared/domain/backups.js';
import { FIXED_AS_OF, TempDirs, countRows, fixedClock, newLicenseInput } from '../../fixtures/builders.js';
import { companyProfile, poDraft, poSettings } from '../../fixtures/purchase.js';
import { testApi } from '../../fixtures/core.js';
import { entryOf } from '../../../electron/core/services/backups/catalog.js';
import { DLS2_KEY, DLS2_PROJECT, TRIAL_KEY } from '../../fixtures/keys.js';
import { encodeDls2 } from '../../../shared/keys/license-key.js';

const tmp = new TempDirs();
const TRUSTED: SenderInfo = { url: 'app://license-desk/index.html', isMainFrame: true };
let store: OpenedStore;
let base: Handlers;

beforeEach(async () => {
  store = await openStore(tmp.make());
  base = testApi(store.db, fixedClock(), undefined, {
    appInfo: () => ({ version: '0.0.0-test', dataDir: store.paths.dir, schemaVersion: store.schemaVersion, notices: [] }),
    // The swap itself needs the core around the store (tests/unit/backups/restore.test.ts); here only the shapes are checked.
    serviceOptions: { locale: 'en-US', restore: async (file) => ({ restored: entryOf(file), safetyBackup: 'before-restore-2026-07-01T00-00-00-000Z.sqlite' }) },
  }).core.handlers;
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

function router(handlers: Handlers = base, onInternalError = vi.fn(), checkOutputs = true): Dispatch {
  return createRouter(handlers, { isTrustedSender: createSenderGuard([APP_ORIGIN]), checkOutputs, onInternalError });
}

/** The envelope is exactly {ok:true,value} or {ok:false,error:{code,message[,issues]}}. */
function expectEnvelope(r: IpcResult<unknown>): void {
  if (r.ok) {
    expect(Object.keys(r).sort()).toEqual(['ok', 'value']);
  } else {
    expect(Object.keys(r).sort()).toEqual(['error', 'ok']);
    const keys = Object.keys(r.error).sort();
    expect([['code', 'message'], ['code', 'issues', 'message']]).toContainEqual(keys);
    expect(IpcErrorShape.safeParse(r.error).success).toBe(true);
  }
}

async function expectError(p: Promise<IpcResult<unknown>>, code: string) {
  const r = await p;
  expectEnvelope(r);
  if (r.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(r.value)}`);
  expect(r.error.code).toBe(code);
  return r.error;
}

describe('channels', () => {
  it('answers a known channel with {ok:true,value}', async () => {
    const r = await router()('licenses:list', { asOf: FIXED_AS_OF }, TRUSTED);
    expectEnvelope(r);
    expect(r).toEqual({ ok: true, value: { total: 0, rows: [] } });
    const info = await router()('app:info', undefined, TRUSTED);
    expect(info).toEqual({ ok: true, value: { version: '0.0.0-test', dataDir: store.paths.dir, schemaVersion: LATEST_SCHEMA_VERSION, notices: [], restoreOffer: null } });
  });

  it.each(['licenses:purge', 'nope', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'refuses unknown channel %j',
    async (name) => {
      const e = await expectError(router()(name, {}, TRUSTED), 'UNKNOWN_CHANNEL');
      expect(e.message).toContain(`"${name}"`);
    },
  );

  it('refuses a non-string channel', async () => {
    await expectError(router()(42 as unknown as string, {}, TRUSTED), 'UNKNOWN_CHANNEL');
  });
});

describe('sender check', () => {
  const untrusted: [string, SenderInfo][] = [
    ['another app host', { url: 'app://other/index.html', isMainFrame: true }],
    ['http scheme', { url: 'http://license-desk/index.html', isMainFrame: true }],
    ['https scheme', { url: 'https://license-desk/index.html', isMainFrame: true }],
    ['suffixed host', { url: 'app://license-desk.evil/index.html', isMainFrame: true }],
    ['credentials', { url: 'app://user@license-desk/index.html', isMainFrame: true }],
    ['user:pass', { url: 'app://user:pw@license-desk/index.html', isMainFrame: true }],
    ['a port', { url: 'app://license-desk:8080/index.html', isMainFrame: true }],
    ['a subframe', { url: 'app://license-desk/index.html', isMainFrame: false }],
    ['garbage url', { url: 'not a url at all', isMainFrame: true }],
    ['empty url', { url: '', isMainFrame: true }],
    ['file url', { url: 'file:///etc/passwd', isMainFrame: true }],
  ];

  it.each(untrusted)('refuses %s and never calls the handler', async (_label, sender) => {
    const spy = vi.fn(base['licenses:create']);
    const dispatch = router({ ...base, 'licenses:create': spy });
    const e = await expectError(dispatch('licenses:create', newLicenseInput(), sender), 'UNTRUSTED_SENDER');
    expect(e.issues).toBeUndefined();
    expect(spy).not.toHaveBeenCalled();
    expect(countRows(store.db, 'license_items')).toBe(0);
  });

  it('accepts the app origin main frame (and the handler runs)', async () => {
    const r = await router()('licenses:create', newLicenseInput(), TRUSTED);
    expectEnvelope(r);
    expect(r.ok).toBe(true);
    expect(countRows(store.db, 'license_items')).toBe(1);
  });
});

describe('input validation', () => {
  async function invalid(channel: string, input: unknown) {
    const spy = vi.fn();
    const handlers = { ...base, [channel]: spy } as Handlers;
    const e = await expectError(router(handlers)(channel, input, TRUSTED), 'INVALID_INPUT');
    expect(spy).not.toHaveBeenCalled();
    expect(e.issues?.length).toBeGreaterThan(0);
    return e.issues!;
  }

  it('licenses:create: a missing field is named', async () => {
    const { itemId: _drop, ...rest } = newLicenseInput();
    const issues = await invalid('licenses:create', rest);
    expect(issues.map((i) => i.path)).toContain('itemId');
  });

  it('licenses:create: a wrong type is named', async () => {
    const issues = await invalid('licenses:create', { ...newLicenseInput(), quotaAmount: '1000' });
    expect(issues).toEqual([{ path: 'quotaAmount', message: expect.stringContaining('number') }]);
  });

  it('licenses:create: an extra key is refused and named', async () => {
    const issues = await invalid('licenses:create', { ...newLicenseInput(), isAdmin: true });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('isAdmin');
  });

  it('licenses:create: a cross-field rule is reported on its field', async () => {
    const issues = await invalid('licenses:create', newLicenseInput({ activationStatus: 'new' }));
    expect(issues.map((i) => i.path)).toEqual(['activatedOn']);
  });

  it('licenses:create: an own "__proto__" key from JSON.parse is refused', async () => {
    const json = JSON.stringify(newLicenseInput());
    const payload: unknown = JSON.parse(`{"__proto__": {"x": 1}, ${json.slice(1)}`);
    expect(Object.prototype.hasOwnProperty.call(payload, '__proto__')).toBe(true);
    const issues = await invalid('licenses:create', payload);
    expect(issues[0]!.message).toContain('__proto__');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(countRows(store.db, 'license_items')).toBe(0);
  });

  it('licenses:list: an extra key is refused', async () => {
    const issues = await invalid('licenses:list', { asOf: FIXED_AS_OF, limit: 10, where: '1=1' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('where');
  });

  it('licenses:list: limit over 500 and a sort key outside the whitelist are refused', async () => {
    expect((await invalid('licenses:list', { asOf: FIXED_AS_OF, limit: 501 })).map((i) => i.path)).toEqual(['limit']);
    expect((await invalid('licenses:list', { asOf: FIXED_AS_OF, sort: { key: 'li.notes; DROP TABLE x', dir: 'asc' } })).map((i) => i.path)).toEqual(['sort.key']);
  });

  it('licenses:list: asOf is required and must be a real YYYY-MM-DD date', async () => {
    const paths = async (input: unknown) => [...new Set((await invalid('licenses:list', input)).map((i) => i.path))];
    expect(await paths({})).toEqual(['asOf']);
    expect(await paths({ asOf: '2026-02-30' })).toEqual(['asOf']);
    expect(await paths({ asOf: '10/07/2026' })).toEqual(['asOf']);
  });

  it('licenses:list: a headline or quota mode outside the enums is refused', async () => {
    const issues = await invalid('licenses:list', { asOf: FIXED_AS_OF, filters: { headlines: ['on-fire'], quotaModes: ['bytes'] } });
    expect(issues.map((i) => i.path).sort()).toEqual(['filters.headlines.0', 'filters.quotaModes.0']);
  });

  it.each([[{ id: -1 }], [{ id: 0 }], [{ id: 1.5 }], [{ id: '1' }], [{}], [{ id: 1, extra: 1 }], [null], [undefined]])(
    'licenses:get %j is refused',
    async (input) => {
      await invalid('licenses:get', input);
    },
  );

  it('app:info refuses any input', async () => {
    await invalid('app:info', { anything: 1 });
  });
});

describe('handler errors', () => {
  it('an AppError keeps its code, message and issues', async () => {
    const dispatch = router({
      ...base,
      'licenses:get': () => {
        throw new AppError('NOT_FOUND', 'That license was not found.');
      },
    });
    const r = await dispatch('licenses:get', { id: 5 }, TRUSTED);
    expectEnvelope(r);
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'That license was not found.' } });

    const real = await router()('licenses:get', { id: 12345 }, TRUSTED);
    expect(real).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'That license was not found. It may have been deleted.' } });
  });

  it('a CONFLICT from the service carries its issues', async () => {
    await router()('licenses:create', newLicenseInput(), TRUSTED);
    const e = await expectError(router()('licenses:create', newLicenseInput(), TRUSTED), 'CONFLICT');
    expect(e.issues).toEqual([{ path: 'itemId', message: 'Item 100001 is already recorded' }]);
  });

  it('any other error becomes INTERNAL without leaking its text; onInternalError sees it', async () => {
    const onInternalError = vi.fn();
    const boom = new Error('SELECT secret_key FROM license_keys WHERE id = 1');
    const dispatch = router(
      {
        ...base,
        'licenses:list': () => {
          throw boom;
        },
      },
      onInternalError,
    );
    const e = await expectError(dispatch('licenses:list', { asOf: FIXED_AS_OF }, TRUSTED), 'INTERNAL');
    expect(e.message).not.toContain('SELECT');
    expect(e.message).not.toContain('secret');
    expect(e.issues).toBeUndefined();
    expect(onInternalError).toHaveBeenCalledTimes(1);
    expect(onInternalError).toHaveBeenCalledWith('licenses:list', boom);
  });

  it('a rejected promise is handled like a throw', async () => {
    const dispatch = router({ ...base, 'products:list': () => Promise.reject(new Error('disk on fire')) });
    const e = await expectError(dispatch('products:list', undefined, TRUSTED), 'INTERNAL');
    expect(e.message).not.toContain('disk on fire');
  });
});

describe('slow calls', () => {
  it('reports a call over 40 ms with its channel, kind and duration only; a quick one not at all', async () => {
    const onSlowCall = vi.fn();
    const slow = createRouter(
      { ...base, 'licenses:list': async (q) => { await new Promise((r) => setTimeout(r, 60)); return base['licenses:list'](q); } },
      { isTrustedSender: () => true, checkOutputs: true, onSlowCall },
    );
    await slow('licenses:list', { asOf: FIXED_AS_OF }, TRUSTED);
    await slow('app:info', undefined, TRUSTED);
    expect(onSlowCall).toHaveBeenCalledTimes(1);
    const [channel, kind, ms] = onSlowCall.mock.calls[0] as [string, string, number];
    expect([channel, kind]).toEqual(['licenses:list', 'read']);
    expect(ms).toBeGreaterThan(40);
  });
});

describe('contract kinds', () => {
  it('marks every channel read or write, and the ones that change data as write', () => {
    expect(WRITE_CHANNELS).toEqual(expect.arrayContaining(['licenses:create', 'licenses:update', 'licenses:delete', 'usage:add', 'keys:import', 'import:commit', 'settings:update', 'products:create']));
    for (const c of CHANNELS) expect(['read', 'write']).toContain(contract[c].kind);
    expect(WRITE_CHANNELS).not.toContain('licenses:list');
  });
});

describe('checkOutputs', () => {
  const wrong = { ...({} as Handlers), 'app:info': () => ({ version: 1 }) as unknown as ReturnType<Handlers['app:info']> };

  it('on: a handler returning the wrong shape gives INTERNAL and reports it', async () => {
    const onInternalError = vi.fn();
    const e = await expectError(router({ ...base, ...wrong }, onInternalError, true)('app:info', undefined, TRUSTED), 'INTERNAL');
    expect(e.message).not.toContain('version');
    expect(onInternalError).toHaveBeenCalledTimes(1);
    expect(String((onInternalError.mock.calls[0]![1] as Error).message)).toContain('Output does not match the contract');
  });

  it('off: the value passes through unchecked', async () => {
    const r = await router({ ...base, ...wrong }, vi.fn(), false)('app:info', undefined, TRUSTED);
    expect(r).toEqual({ ok: true, value: { version: 1 } });
  });

  it('on: real handler outputs pass the contract', async () => {
    const created = await router()('licenses:create', newLicenseInput({ projectCode: '100123456-100654321' }), TRUSTED);
    expect(created.ok).toBe(true);
    const products = await router()('products:list', undefined, TRUSTED);
    expect(products.ok && products.value).toHaveLength(13);
  });

  it('on: every channel answers a populated store within the contract', async () => {
    const onInternalError = vi.fn();
    const dispatch = router(base, onInternalError, true);
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
      'reminders:dismiss': { id: `order-by:${soonToo.id}:2026-08-14:30`, asOf: FIXED_AS_OF },
      'reminders:snooze': { id: `order-by:${soon.id}:2026-08-14:30`, choice: 'next', asOf: FIXED_AS_OF },
      'reminders:settings': undefined,
      'reminders:updateSettings': { leadTimeDays: 15, offsets: [60, 30, 0], digestTime: '08:30', desktopNotifications: false, followUpDays: 5, overrides: [] },
      'reminders:calendar': { scope: 'all', asOf: FIXED_AS_OF },
      'reminders:desktop': undefined,
      'backups:list': undefined,
      'backups:create': undefined,
      'backups:chooseFolder': { path: tmp.make() },
      'backups:clearFolder': undefined,
      'backups:compare': async () => ({ name: ((await ok('backups:list', undefined)) as BackupList).backups[0]!.name }),
      'backups:restore': async () => ({ name: ((await ok('backups:list', undefined)) as BackupList).backups[0]!.name }),
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
      const before = countRows(store.db, 'audit_log');
      await ok(channel, made);
      const added = store.db.prepare('SELECT channel FROM audit_log WHERE seq > ? ORDER BY seq').pluck().all(before);
      expect({ channel, added }).toEqual({ channel, added: audited.has(channel) ? [channel] : [] });
    }
    expect(onInternalError).not.toHaveBeenCalled();
    expect(countRows(store.db, 'license_items')).toBe(6);
  });
});
