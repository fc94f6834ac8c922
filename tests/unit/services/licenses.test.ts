import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import { AppError } from '../../../electron/core/errors.js';
import { createLicenseService, type LicenseService } from '../../../electron/core/services/licenses/service.js';
import { createSettingsService } from '../../../electron/core/services/settings.js';
import { createUsageService } from '../../../electron/core/services/usage.js';
import { PRODUCT_CATALOGUE } from '../../../shared/domain/catalogue.js';
import type { LicenseItem, NewLicenseInput } from '../../../shared/domain/license.js';
import { LICENSE_SORT_KEYS, LicenseQuery, type LicenseQueryInput, type LicenseSortKey } from '../../../shared/domain/query.js';
import { HEADLINE_PRECEDENCE, licenseStatus, localDate } from '../../../shared/status/index.js';
import { FIXED_AS_OF, FIXED_NOW_ISO, TempDirs, countRows, fixedClock, itemIdFor, newLicenseInput } from '../../fixtures/builders.js';

const tmp = new TempDirs();
let store: OpenedStore;
let svc: LicenseService;

beforeEach(async () => {
  store = await openStore(tmp.make());
  svc = createLicenseService(store.db, fixedClock(), createSettingsService(store.db));
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

const list = (q: Omit<LicenseQueryInput, 'asOf'> = {}) => svc.list(LicenseQuery.parse({ asOf: FIXED_AS_OF, ...q }));

function counts() {
  return {
    items: countRows(store.db, 'license_items'),
    projects: countRows(store.db, 'projects'),
    history: countRows(store.db, 'license_history'),
  };
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

describe('create / get', () => {
  it('returns the stored item with productName, projectCode and the clock time', () => {
    const input = newLicenseInput({ itemId: '200001', productCode: 'DLR', alias: 'Warehouse', projectCode: '100123456-100654321' });
    const item = svc.create(input);
    expect(item).toEqual({
      ...input,
      id: 1,
      productName: 'Dynamsoft Label Recognizer',
      projectCode: '100123456-100654321',
      renewedById: null,
      used: null,
      usedOn: null,
      estimatedDates: [],
      createdAt: FIXED_NOW_ISO,
      updatedAt: FIXED_NOW_ISO,
    });
    expect(svc.get(item.id)).toEqual(item);
  });

  it('creates a project from the handshake code, once', () => {
    svc.create(newLicenseInput({ itemId: '1', projectCode: '100123456-100654321' }));
    svc.create(newLicenseInput({ itemId: '2', projectCode: '100123456-100654321' }));
    const projects = store.db.prepare('SELECT handshake_code, organization_id, hosting, created_at FROM projects').all();
    expect(projects).toEqual([{ handshake_code: '100123456-100654321', organization_id: '100123456', hosting: 'unknown', created_at: FIXED_NOW_ISO }]);
  });

  it.each(['abc', '-100654321', '100123456-', '100123456 100654321', '1234567890123-x'])('a bad projectCode %j writes nothing', (code) => {
    svc.create(newLicenseInput({ itemId: '1' }));
    const before = counts();
    const err = thrown(() => svc.create(newLicenseInput({ itemId: '2', projectCode: code })));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.issues?.map((i) => i.path)).toEqual(['projectCode']);
    expect(counts()).toEqual(before);
  });

  it('a duplicate itemId is a CONFLICT and writes nothing (not even its new project)', () => {
    svc.create(newLicenseInput({ itemId: '300001' }));
    const before = counts();
    const err = thrown(() => svc.create(newLicenseInput({ itemId: '300001', projectCode: '100123456-new' })));
    expect(err.code).toBe('CONFLICT');
    expect(err.issues).toEqual([{ path: 'itemId', message: 'Item 300001 is already recorded' }]);
    expect(counts()).toEqual(before);
  });

  it('an unknown product is INVALID_INPUT on productCode', () => {
    const err = thrown(() => svc.create(newLicenseInput({ productCode: 'ZZZ' })));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.issues).toEqual([{ path: 'productCode', message: 'Unknown product "ZZZ"' }]);
    expect(counts()).toEqual({ items: 0, projects: 0, history: 0 });
  });

  it('get of an unknown id is NOT_FOUND', () => {
    expect(thrown(() => svc.get(999)).code).toBe('NOT_FOUND');
  });

  it('writes one "created" history row per create, with the input', () => {
    const a = svc.create(newLicenseInput({ itemId: '1' }));
    const input = newLicenseInput({ itemId: '2', notes: 'second' });
    const b = svc.create(input);
    const rows = store.db.prepare('SELECT license_item_id, at, action, source, changes FROM license_history ORDER BY id').all() as {
      license_item_id: number;
      at: string;
      action: string;
      source: string;
      changes: string;
    }[];
    expect(rows.map((r) => [r.license_item_id, r.at, r.action, r.source])).toEqual([
      [a.id, FIXED_NOW_ISO, 'created', 'manual'],
      [b.id, FIXED_NOW_ISO, 'created', 'manual'],
    ]);
    expect(JSON.parse(rows[1]!.changes)).toEqual(input);
  });
});

describe('products', () => {
  it('lists the 13 built-ins, by name', () => {
    const products = svc.products();
    expect(products).toHaveLength(13);
    expect(products.every((p) => p.builtIn)).toBe(true);
    expect(new Set(products.map((p) => p.code))).toEqual(new Set(PRODUCT_CATALOGUE.map((p) => p.code)));
    const names = products.map((p) => p.name);
    expect(names).toEqual([...names].sort());
    expect(products.find((p) => p.code === 'DWT')!.editions).toEqual(PRODUCT_CATALOGUE[0]!.editions);
  });
});

describe('list windowing', () => {
  it('pages of 250 items are disjoint, cover everything, and keep the full order', () => {
    const tx = store.db.transaction(() => {
      for (let i = 0; i < 250; i++) svc.create(newLicenseInput({ itemId: itemIdFor(i), quotaAmount: (i % 7) + 1 }));
    });
    tx.immediate();
    const sort = { key: 'quota', dir: 'asc' } as const;
    const all = list({ limit: 500, sort });
    expect(all.total).toBe(250);
    const pages = [0, 100, 200].map((offset) => list({ offset, limit: 100, sort }));
    expect(pages.map((p) => p.rows.length)).toEqual([100, 100, 50]);
    expect(pages.map((p) => p.total)).toEqual([250, 250, 250]);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(250);
    expect(ids).toEqual(all.rows.map((r) => r.id));
    expect(list({ offset: 250, limit: 100 })).toEqual({ total: 250, rows: [] });
  });
});

describe('list search', () => {
  beforeEach(() => {
    svc.create(newLicenseInput({ itemId: '700111', productCode: 'DWT', alias: 'Front desk' }));
    svc.create(newLicenseInput({ itemId: '700222', productCode: 'DLR', alias: '100% off' }));
    svc.create(newLicenseInput({ itemId: '700333', productCode: 'DBR', alias: 'a_b', projectCode: '100123456-acme' }));
    svc.create(newLicenseInput({ itemId: '700444', productCode: 'DBR', alias: 'axb 1000 off' }));
  });
  const found = (search: string) => {
    const r = list({ search, sort: { key: 'itemId', dir: 'asc' } });
    expect(r.total).toBe(r.rows.length);
    return r.rows.map((x) => x.itemId);
  };

  it('matches item id, alias, product name and project code', () => {
    expect(found('0222')).toEqual(['700222']);
    expect(found('front')).toEqual(['700111']);
    expect(found('Label Recognizer')).toEqual(['700222']);
    expect(found('Barcode Reader')).toEqual(['700333', '700444']);
    expect(found('123456-ac')).toEqual(['700333']);
    expect(found('no such thing')).toEqual([]);
    expect(found('')).toEqual(['700111', '700222', '700333', '700444']);
  });

  it("treats '%' and '_' as literal text", () => {
    expect(found('%')).toEqual(['700222']);
    expect(found('0% o')).toEqual(['700222']);
    expect(found('a_b')).toEqual(['700333']);
    expect(found('_')).toEqual(['700333']);
    expect(found('\\')).toEqual([]);
  });
});

describe('list sort', () => {
  const specs: Partial<NewLicenseInput>[] = [
    { productCode: 'DWT', quotaMode: 'pages', quotaAmount: 50, activatedOn: '2026-02-01', expiresOn: '2027-02-01', projectCode: '100-b' },
    { productCode: 'DBR', quotaMode: 'scans', quotaAmount: 10, activationStatus: 'new', activatedOn: null, expiresOn: null },
    { productCode: 'DLR', quotaMode: 'devices', deviceWindow: 'monthly', quotaAmount: 50, activatedOn: '2025-12-01', expiresOn: '2026-12-01', projectCode: '100-a' },
    { productCode: 'DCV', quotaMode: 'servers', quotaAmount: 3, term: 'lifetime', activatedOn: '2024-05-05', expiresOn: null, maintenanceExpiresOn: '2025-05-05' },
    { productCode: 'DWT', quotaMode: 'domains', quotaAmount: 10, activatedOn: '2026-02-01', expiresOn: '2026-08-01', projectCode: '100-c' },
    { productCode: 'DDN', quotaMode: 'scans', quotaAmount: 999, activationStatus: 'new', activatedOn: null, expiresOn: null, projectCode: '100-a' },
    { productCode: 'MRZ', quotaMode: 'pages', quotaAmount: 1, activatedOn: '2026-03-03', expiresOn: '2027-02-01' },
  ];
  // Inserted in an order unrelated to item id so sorting by id is not a no-op.
  const order = [4, 0, 6, 2, 5, 1, 3];
  // Usage figures by spec index: some items have none (null, sorted last), two share a figure.
  const usedBySpec: (number | null)[] = [40, null, 50, 3, 10, 1200, null];
  let items: LicenseItem[];
  beforeEach(() => {
    const usage = createUsageService(store.db, fixedClock());
    items = order.map((i) => {
      const created = svc.create(newLicenseInput({ itemId: itemIdFor(i), ...specs[i] }));
      const used = usedBySpec[i];
      if (used === null || used === undefined) return created;
      usage.add({ licenseId: created.id, takenOn: '2026-07-01', used });
      return svc.get(created.id);
    });
    // The fixture must spread over several headlines, or the status sort would prove nothing.
    expect(new Set(items.map((x) => statusOf(x))).size).toBeGreaterThanOrEqual(4);
  });

  const noon = localDate(FIXED_AS_OF);
  noon.setHours(12);
  const statusOf = (x: LicenseItem) => licenseStatus(x, noon).headline;

  const DAY = 86_400_000;
  const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;
  const value: Record<LicenseSortKey, (x: LicenseItem) => string | number | null> = {
    urgency: (x) =>
      x.renewedById !== null ? 300000 : x.expiresOn === null ? 200000 : x.expiresOn >= FIXED_AS_OF ? days(FIXED_AS_OF, x.expiresOn) : 100000 + days(x.expiresOn, FIXED_AS_OF),
    itemId: (x) => x.itemId,
    product: (x) => x.productName,
    quotaMode: (x) => x.quotaMode,
    quota: (x) => (x.used === null ? null : x.used / x.quotaAmount),
    used: (x) => x.used,
    activatedOn: (x) => x.activatedOn,
    expiresOn: (x) => x.expiresOn,
    status: (x) => HEADLINE_PRECEDENCE.indexOf(statusOf(x)),
    project: (x) => x.projectCode,
  };

  function expected(key: LicenseSortKey, dir: 'asc' | 'desc'): number[] {
    const sign = dir === 'asc' ? 1 : -1;
    return [...items]
      .sort((a, b) => {
        const va = value[key](a);
        const vb = value[key](b);
        if (va === null || vb === null) return va === vb ? sign * (a.id - b.id) : va === null ? 1 : -1;
        if (va !== vb) return sign * (va < vb ? -1 : 1);
        return sign * (a.id - b.id);
      })
      .map((x) => x.id);
  }

  for (const key of LICENSE_SORT_KEYS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`${key} ${dir}, nulls last`, () => {
        const rows = list({ sort: { key, dir } }).rows;
        expect(rows.map((r) => r.id)).toEqual(expected(key, dir));
        const nulls = rows.map((r) => value[key](r) === null);
        expect(nulls).toEqual([...nulls].sort((a, b) => Number(a) - Number(b)));
      });
    }
  }

  it('the default sort is by urgency: expiring soonest first, then recently expired, long-expired and undated last', () => {
    expect(list().rows.map((r) => r.id)).toEqual(expected('urgency', 'asc'));
  });
});
