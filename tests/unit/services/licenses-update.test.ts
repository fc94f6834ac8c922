import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { AppError } from '../../../electron/core/errors.js';
import type { LicenseService } from '../../../electron/core/services/licenses/service.js';
import type { LicenseItem, NewLicenseInput } from '../../../shared/domain/license.js';
import { TempDirs, countRows, newLicenseInput } from '../../fixtures/builders.js';
import { testServices, testApi } from '../../fixtures/core.js';

const tmp = new TempDirs();
let store: OpenedStore;
let svc: LicenseService;
/** A clock that moves one minute per call, so history timestamps differ. */
let tick: number;
const clock = { now: () => new Date(Date.UTC(2026, 6, 10, 12, tick++)) };
const at = (minute: number) => new Date(Date.UTC(2026, 6, 10, 12, minute)).toISOString();

beforeEach(async () => {
  tick = 0;
  store = await openStore(tmp.make());
  svc = testServices(store.db, clock).licenses;
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

function fieldsOf(item: LicenseItem): NewLicenseInput {
  const { id: _id, productName: _p, used: _u, usedOn: _o, renewedById: _r, createdAt: _c, updatedAt: _t, estimatedDates: _e, ...fields } = item;
  return fields;
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
}

const tables = () => ['license_items', 'license_history', 'projects', 'products'].map((t) => countRows(store.db, t));

describe('update', () => {
  it('stores the new fields and records field → [before, after] for the changed fields only', () => {
    const item = svc.create(newLicenseInput({ itemId: '500001', alias: 'Old name', quotaAmount: 1000 }));
    const updated = svc.update(item.id, { ...fieldsOf(item), alias: 'New name', quotaAmount: 2500, projectCode: '100123456-moved' });
    expect(updated).toMatchObject({ alias: 'New name', quotaAmount: 2500, projectCode: '100123456-moved', createdAt: at(0), updatedAt: at(1) });
    expect(svc.get(item.id)).toEqual(updated);

    const [latest, created] = svc.history(item.id);
    expect(latest).toEqual({
      id: expect.any(Number),
      at: at(1),
      action: 'updated',
      source: 'manual',
      changes: { alias: ['Old name', 'New name'], quotaAmount: [1000, 2500], projectCode: [null, '100123456-moved'] },
    });
    expect(created).toMatchObject({ action: 'created', at: at(0) });
  });

  it('a null field set to a value and back to null is recorded both ways', () => {
    const item = svc.create(newLicenseInput({ itemId: '500002' }));
    svc.update(item.id, { ...fieldsOf(item), notes: 'x', edition: 'JavaScript Edition' });
    svc.update(item.id, { ...fieldsOf(item), notes: '', edition: null });
    expect(svc.history(item.id).map((h) => h.changes)).toEqual([
      { notes: ['x', ''], edition: ['JavaScript Edition', null] },
      { notes: ['', 'x'], edition: [null, 'JavaScript Edition'] },
      expect.objectContaining({ itemId: '500002' }),
    ]);
  });

  it('an update that changes nothing writes no history and keeps updatedAt', () => {
    const item = svc.create(newLicenseInput({ itemId: '500003', alias: 'Same' }));
    const before = tables();
    expect(svc.update(item.id, fieldsOf(item))).toEqual(item);
    expect(tables()).toEqual(before);
    expect(svc.history(item.id)).toHaveLength(1);
  });

  it('refuses to change the item id, and writes nothing', () => {
    const item = svc.create(newLicenseInput({ itemId: '500004' }));
    const before = tables();
    const err = thrown(() => svc.update(item.id, { ...fieldsOf(item), itemId: '500099', alias: 'x' }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.issues).toEqual([{ path: 'itemId', message: 'The item ID of a recorded license cannot change' }]);
    expect(tables()).toEqual(before);
    expect(svc.get(item.id)).toEqual(item);
  });

  it('an unknown id is NOT_FOUND (service and router)', async () => {
    expect(thrown(() => svc.update(4242, newLicenseInput())).code).toBe('NOT_FOUND');
    const api = testApi(store.db, clock);
    expect(await api.fail('licenses:update', { id: 4242, fields: newLicenseInput() })).toEqual({
      code: 'NOT_FOUND',
      message: 'That license was not found. It may have been deleted.',
    });
    expect((await api.fail('licenses:history', { id: 4242 })).code).toBe('NOT_FOUND');
    expect(countRows(store.db, 'license_items')).toBe(0);
  });

  it('an unknown product or a bad project code is refused and nothing changes', () => {
    const item = svc.create(newLicenseInput({ itemId: '500005' }));
    const before = tables();
    expect(thrown(() => svc.update(item.id, { ...fieldsOf(item), productCode: 'ZZZ' })).issues).toEqual([{ path: 'productCode', message: 'Unknown product "ZZZ"' }]);
    expect(thrown(() => svc.update(item.id, { ...fieldsOf(item), projectCode: 'not a code' })).issues?.map((i) => i.path)).toEqual(['projectCode']);
    expect(tables()).toEqual(before);
    expect(svc.get(item.id)).toEqual(item);
  });
});

describe('history', () => {
  it('is newest first across creation, updates and usage', () => {
    const deps = testServices(store.db, clock);
    const item = deps.licenses.create(newLicenseInput({ itemId: '500010' }));
    deps.licenses.update(item.id, { ...fieldsOf(item), alias: 'one' });
    deps.usage.add({ licenseId: item.id, takenOn: '2026-07-01', used: 10 });
    deps.licenses.update(item.id, { ...fieldsOf(item), alias: 'two' });
    const h = deps.licenses.history(item.id);
    expect(h.map((x) => [x.action, x.at])).toEqual([
      ['updated', at(3)],
      ['usage', at(2)],
      ['updated', at(1)],
      ['created', at(0)],
    ]);
    expect(h[0]!.changes).toEqual({ alias: ['one', 'two'] });
  });
});

describe('drawOrder', () => {
  const P = '100123456-draw';
  it('soonest expiry first (quota, then id on ties; a renewed item too, until its own expiry), no-expiry items after them, not-activated items last', () => {
    const mk = (n: number, over: Partial<NewLicenseInput>) => svc.create(newLicenseInput({ itemId: String(600000 + n), projectCode: P, ...over }));
    const late = mk(1, { expiresOn: '2026-12-01' });
    const tieBig = mk(2, { expiresOn: '2026-09-01', quotaAmount: 500 });
    const tieSmall = mk(3, { expiresOn: '2026-09-01', quotaAmount: 100 });
    const lifetime = mk(4, { term: 'lifetime', expiresOn: null });
    const fresh = mk(5, { activationStatus: 'new', activatedOn: null, expiresOn: null });
    const renewed = mk(6, { expiresOn: '2026-08-01' });
    const successor = mk(7, { expiresOn: '2027-08-01' });
    mk(8, { expiresOn: '2026-07-11', projectCode: '100123456-other' });
    svc.create(newLicenseInput({ itemId: '600009', expiresOn: '2026-07-12' }));
    store.db.prepare('UPDATE license_items SET renewed_by_id = ? WHERE id = ?').run(successor.id, renewed.id);

    const expected = [renewed, tieSmall, tieBig, late, successor, lifetime, fresh].map((x) => x.itemId);
    for (const x of [late, fresh, renewed, lifetime]) expect(svc.drawOrder(x.id).map((r) => r.itemId)).toEqual(expected);
  });

  it('an item on no project is alone in its draw order; an unknown id is NOT_FOUND', () => {
    const item = svc.create(newLicenseInput({ itemId: '600100' }));
    expect(svc.drawOrder(item.id)).toEqual([item]);
    expect(thrown(() => svc.drawOrder(999)).code).toBe('NOT_FOUND');
  });
});

describe('products', () => {
  it('create adds a custom product, listed after the built-ins, usable by licenses', () => {
    const p = svc.createProduct({ code: 'ACME-X', name: 'Acme Scanner', editions: ['Pro', 'Lite'] });
    expect(p).toEqual({ code: 'ACME-X', name: 'Acme Scanner', editions: ['Pro', 'Lite'], builtIn: false });
    const list = svc.products();
    expect(list).toHaveLength(14);
    expect(list[13]).toEqual(p);
    expect(list.slice(0, 13).every((x) => x.builtIn)).toBe(true);
    expect(svc.create(newLicenseInput({ itemId: '700001', productCode: 'ACME-X' })).productName).toBe('Acme Scanner');
  });

  it('a duplicate code is a CONFLICT (built-in or custom) and writes nothing', async () => {
    svc.createProduct({ code: 'ACME', name: 'Acme', editions: [] });
    const before = tables();
    for (const code of ['ACME', 'DBR']) {
      const err = thrown(() => svc.createProduct({ code, name: 'Again', editions: [] }));
      expect(err.code).toBe('CONFLICT');
      expect(err.issues).toEqual([{ path: 'code', message: 'This code is taken' }]);
    }
    expect(tables()).toEqual(before);
    const api = testApi(store.db, clock);
    expect((await api.fail('products:create', { code: 'ACME', name: 'Again', editions: [] })).code).toBe('CONFLICT');
    expect((await api.fail('products:create', { code: 'acme', name: 'Lower', editions: [] })).code).toBe('INVALID_INPUT');
    expect(svc.products().find((x) => x.code === 'ACME')?.name).toBe('Acme');
  });
});

describe('licenses:delete', () => {
  it('removes the item with its snapshots, history and search entry, and nothing else', async () => {
    const { openStore } = await import('../../../electron/core/db/store.js');
    const { createLicenseService: make } = await import('../../../electron/core/services/licenses/service.js');
    const { createSettingsService: settingsFor } = await import('../../../electron/core/services/settings.js');
    const { createUsageService } = await import('../../../electron/core/services/usage.js');
    const { TempDirs: Dirs, fixedClock: clock, newLicenseInput: input } = await import('../../fixtures/builders.js');
    const dirs = new Dirs();
    const { db } = await openStore(dirs.make());
    try {
      const svc = make(db, clock(), settingsFor(db));
      const gone = svc.create(input({ itemId: '880001', alias: 'Doomed site' }));
      const kept = svc.create(input({ itemId: '880002' }));
      createUsageService(db, clock()).add({ licenseId: gone.id, takenOn: '2026-07-01', used: 5 });
      expect(svc.remove(gone.id)).toEqual({ id: gone.id, itemId: '880001' });
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM license_items')).toBe(1);
      expect(count(`SELECT count(*) AS n FROM usage_snapshots WHERE license_item_id = ${gone.id}`)).toBe(0);
      expect(count(`SELECT count(*) AS n FROM license_history WHERE license_item_id = ${gone.id}`)).toBe(0);
      expect(count("SELECT count(*) AS n FROM license_search WHERE search_text LIKE '%doomed%'")).toBe(0);
      expect(svc.get(kept.id).itemId).toBe('880002');
      expect(() => svc.remove(gone.id)).toThrow(/not found/);
    } finally {
      db.close();
      dirs.cleanup();
    }
  });
});
