import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import type { LicenseService } from '../../../electron/core/services/licenses/service.js';
import type { LicenseItem, NewLicenseInput } from '../../../shared/domain/license.js';
import { LicenseQuery, LicenseView, NO_PROJECT, type LicenseFiltersInput, type LicenseViewInput } from '../../../shared/domain/query.js';
import { FIXED_AS_OF, TempDirs, newLicenseInput } from '../../fixtures/builders.js';
import { testServices } from '../../fixtures/core.js';

const tmp = new TempDirs();
let store: OpenedStore;
let svc: LicenseService;
let deps: ReturnType<typeof testServices>;

const ALPHA = '100123456-alpha';
const BETA = '100123456-beta';
const GAMMA = '200999-gamma';

/**
 * Eight items on 2026-07-10 (default thresholds 30/14), one letter each; the comment is the headline.
 * A expiring-red (10 days), B expiring-amber (26 days; 96 % used ranks lower), C quota-full (lifetime),
 * D not-activated, E expired, F active, G blocked (106 % of scans, outranks red), H active (60 %).
 */
const SPECS: Record<string, [Partial<NewLicenseInput>, number | null]> = {
  A: [{ productCode: 'DBR', edition: 'JavaScript Edition', quotaAmount: 1000, expiresOn: '2026-07-20', projectCode: ALPHA, alias: 'Checkout Scanner', licenseId: '5550001', orderId: '9990001', notes: 'Renew via RESELLER' }, 500],
  B: [{ productCode: 'DWT', edition: 'Core Module', quotaMode: 'devices', deviceWindow: 'quarterly', quotaAmount: 25, expiresOn: '2026-08-05', projectCode: ALPHA }, 24],
  C: [{ productCode: 'DLR', quotaMode: 'concurrent-devices', quotaAmount: 4, term: 'lifetime', expiresOn: null, maintenanceExpiresOn: '2027-01-01', projectCode: BETA }, 4],
  D: [{ productCode: 'DBR', quotaAmount: 10000, activationStatus: 'new', activatedOn: null, expiresOn: null, alias: 'Spare' }, null],
  E: [{ productCode: 'DBR', quotaMode: 'servers', quotaAmount: 1, activatedOn: '2025-07-01', expiresOn: '2026-07-01', projectCode: BETA }, null],
  F: [{ productCode: 'DCV', quotaMode: 'domains', quotaAmount: 3, expiresOn: '2027-03-01' }, null],
  G: [{ productCode: 'MRZ', quotaAmount: 100, activatedOn: '2025-07-10', expiresOn: '2026-07-10', projectCode: GAMMA }, 106],
  H: [{ productCode: 'DWT', quotaMode: 'pages', quotaAmount: 50000, expiresOn: '2026-09-30', projectCode: ALPHA }, 30000],
};
let byLetter: Record<string, LicenseItem>;
let letterOf: Map<number, string>;

beforeEach(async () => {
  store = await openStore(tmp.make());
  deps = testServices(store.db);
  svc = deps.licenses;
  byLetter = {};
  letterOf = new Map();
  Object.entries(SPECS).forEach(([letter, [spec, used]], i) => {
    const item = svc.create(newLicenseInput({ itemId: String(810001 + i), ...spec }));
    if (used !== null) deps.usage.add({ licenseId: item.id, takenOn: '2026-07-01', used });
    byLetter[letter] = svc.get(item.id);
    letterOf.set(item.id, letter);
  });
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

/** The matching letters, in list order (item id ascending unless a sort is given). */
function letters(view: Omit<LicenseViewInput, 'asOf'> = {}): string[] {
  const r = svc.list(LicenseQuery.parse({ asOf: FIXED_AS_OF, sort: { key: 'itemId', dir: 'asc' }, limit: 500, ...view }));
  expect(r.total).toBe(r.rows.length);
  return r.rows.map((x) => letterOf.get(x.id)!);
}
const filtered = (filters: LicenseFiltersInput, search = '') => letters({ filters, search });

describe('each filter alone', () => {
  it('productCodes', () => {
    expect(filtered({ productCodes: ['DBR'] })).toEqual(['A', 'D', 'E']);
    expect(filtered({ productCodes: ['DWT', 'MRZ'] })).toEqual(['B', 'G', 'H']);
    expect(filtered({ productCodes: ['DDN'] })).toEqual([]);
  });

  it('headlines (as of the viewer’s day, with the stored thresholds)', () => {
    expect(filtered({ headlines: ['expiring-red'] })).toEqual(['A']);
    expect(filtered({ headlines: ['expiring-amber'] })).toEqual(['B']);
    expect(filtered({ headlines: ['quota-full'] })).toEqual(['C']);
    expect(filtered({ headlines: ['not-activated'] })).toEqual(['D']);
    expect(filtered({ headlines: ['expired'] })).toEqual(['E']);
    expect(filtered({ headlines: ['blocked'] })).toEqual(['G']);
    expect(filtered({ headlines: ['active'] })).toEqual(['F', 'H']);
    expect(filtered({ headlines: ['expired', 'blocked', 'expiring-red'] })).toEqual(['A', 'E', 'G']);
    expect(filtered({ headlines: ['renewed', 'grace', 'quota-high'] })).toEqual([]);
  });

  it('headlines follow the thresholds in settings', () => {
    // One settings service is shared by all services (as in core.ts), so the list sees the change at once.
    deps.settings.updateStatus({ amberDays: 45, redDays: 5 });
    expect(filtered({ headlines: ['expiring-red'] })).toEqual([]);
    expect(filtered({ headlines: ['expiring-amber'] })).toEqual(['A', 'B']);
  });

  it('quotaModes', () => {
    expect(filtered({ quotaModes: ['scans'] })).toEqual(['A', 'D', 'G']);
    expect(filtered({ quotaModes: ['devices', 'concurrent-devices'] })).toEqual(['B', 'C']);
  });

  it('projectCodes, including NO_PROJECT', () => {
    expect(filtered({ projectCodes: [ALPHA] })).toEqual(['A', 'B', 'H']);
    expect(filtered({ projectCodes: [NO_PROJECT] })).toEqual(['D', 'F']);
    expect(filtered({ projectCodes: [BETA, NO_PROJECT] })).toEqual(['C', 'D', 'E', 'F']);
    expect(filtered({ projectCodes: ['100123456-none'] })).toEqual([]);
  });

  it('terms', () => {
    expect(filtered({ terms: ['lifetime'] })).toEqual(['C']);
    expect(filtered({ terms: ['annual'] })).toEqual(['A', 'B', 'D', 'E', 'F', 'G', 'H']);
    expect(filtered({ terms: ['annual', 'lifetime'] })).toHaveLength(8);
  });

  it('expiresWithinDays: from today (inclusive) to today + N; expired and undated items never match', () => {
    expect(filtered({ expiresWithinDays: 0 })).toEqual(['G']);
    expect(filtered({ expiresWithinDays: 9 })).toEqual(['G']);
    expect(filtered({ expiresWithinDays: 10 })).toEqual(['A', 'G']);
    expect(filtered({ expiresWithinDays: 26 })).toEqual(['A', 'B', 'G']);
    expect(filtered({ expiresWithinDays: 82 })).toEqual(['A', 'B', 'G', 'H']);
    expect(filtered({ expiresWithinDays: 3650 })).toEqual(['A', 'B', 'F', 'G', 'H']);
  });
});

describe('filters combined', () => {
  it('are ANDed across kinds and ORed within one', () => {
    expect(filtered({ productCodes: ['DBR'], headlines: ['expiring-red', 'expired'] })).toEqual(['A', 'E']);
    expect(filtered({ projectCodes: [ALPHA], expiresWithinDays: 30 })).toEqual(['A', 'B']);
    expect(filtered({ productCodes: ['DBR', 'DWT'], quotaModes: ['scans', 'pages'], projectCodes: [ALPHA, NO_PROJECT] })).toEqual(['A', 'D', 'H']);
    expect(filtered({ terms: ['lifetime'], projectCodes: [ALPHA] })).toEqual([]);
  });

  it('and with search', () => {
    expect(filtered({ projectCodes: [ALPHA] }, 'scanner')).toEqual(['A']);
    expect(filtered({ productCodes: ['DBR'] }, 'spare')).toEqual(['D']);
    expect(filtered({ productCodes: ['DWT'] }, 'spare')).toEqual([]);
    expect(filtered({ headlines: ['active'] }, 'web twain')).toEqual(['H']);
  });

  it('paging keeps the filtered total', () => {
    const r = svc.list(LicenseQuery.parse({ asOf: FIXED_AS_OF, filters: { terms: ['annual'] }, limit: 3, offset: 3, sort: { key: 'itemId', dir: 'asc' } }));
    expect(r.total).toBe(7);
    expect(r.rows.map((x) => letterOf.get(x.id))).toEqual(['E', 'F', 'G']);
  });
});

describe('groups by project', () => {
  const groups = (view: Omit<LicenseViewInput, 'asOf'> = {}) => svc.groups(LicenseView.parse({ asOf: FIXED_AS_OF, ...view }));

  it('counts per project, named projects by code, no project last', () => {
    expect(groups()).toEqual([
      { projectCode: ALPHA, count: 3 },
      { projectCode: BETA, count: 2 },
      { projectCode: GAMMA, count: 1 },
      { projectCode: null, count: 2 },
    ]);
  });

  it.each<[string, Omit<LicenseViewInput, 'asOf'>]>([
    ['no filter', {}],
    ['scans only', { filters: { quotaModes: ['scans'] } }],
    ['a search', { search: 'dynam' }],
    ['headlines', { filters: { headlines: ['active', 'expired', 'not-activated'] } }],
  ])('%s: each group count is the list total for that project, and the grouped list runs in group order', (_label, view) => {
    const g = groups(view);
    expect(g.reduce((n, x) => n + x.count, 0)).toBe(letters(view).length);
    for (const { projectCode, count } of g) {
      const r = svc.list(LicenseQuery.parse({ asOf: FIXED_AS_OF, ...view, filters: { ...view.filters, projectCodes: [projectCode ?? NO_PROJECT] } }));
      expect(r.total).toBe(count);
    }
    const grouped = svc.list(LicenseQuery.parse({ asOf: FIXED_AS_OF, ...view, groupByProject: true, sort: { key: 'expiresOn', dir: 'desc' }, limit: 500 })).rows;
    const runs: { projectCode: string | null; count: number }[] = [];
    for (const row of grouped) {
      const last = runs[runs.length - 1];
      if (last && last.projectCode === row.projectCode) last.count++;
      else runs.push({ projectCode: row.projectCode, count: 1 });
    }
    expect(runs).toEqual(g);
  });

  it('inside a group the chosen sort applies', () => {
    expect(letters({ groupByProject: true, sort: { key: 'expiresOn', dir: 'asc' } })).toEqual(['A', 'B', 'H', 'E', 'C', 'G', 'F', 'D']);
  });
});

describe('search', () => {
  it('is case-insensitive and covers product name, edition, alias, notes, license/order id and project code', () => {
    expect(filtered({}, 'CHECKOUT scanner')).toEqual(['A']);
    expect(filtered({}, 'label RECOGNIZER')).toEqual(['C']);
    expect(filtered({}, 'javascript edition')).toEqual(['A']);
    expect(filtered({}, 'CORE module')).toEqual(['B']);
    expect(filtered({}, 'spare')).toEqual(['D']);
    expect(filtered({}, 'renew via reseller')).toEqual(['A']);
    expect(filtered({}, '5550001')).toEqual(['A']);
    expect(filtered({}, '9990001')).toEqual(['A']);
    expect(filtered({}, 'BETA')).toEqual(['C', 'E']);
    expect(filtered({}, '200999-GAMMA')).toEqual(['G']);
    expect(filtered({}, '  spare  ')).toEqual(['D']);
  });

  it('follows update(): the old alias no longer matches, the new one and a new project do', () => {
    const d = byLetter.D!;
    const { id: _id, productName: _p, used: _u, usedOn: _o, renewedById: _r, createdAt: _c, updatedAt: _t, estimatedDates: _e, ...fields } = d;
    svc.update(d.id, { ...fields, alias: 'Backup Unit', projectCode: '300111-delta' });
    expect(filtered({}, 'spare')).toEqual([]);
    expect(filtered({}, 'backup UNIT')).toEqual(['D']);
    expect(filtered({}, 'delta')).toEqual(['D']);
  });

  it('matches non-ASCII text typed exactly as stored, and in either case', () => {
    const f = byLetter.F!;
    const { id: _id, productName: _p, used: _u, usedOn: _o, renewedById: _r, createdAt: _c, updatedAt: _t, estimatedDates: _e, ...fields } = f;
    svc.update(f.id, { ...fields, alias: 'ÄRZTEHAUS Zürich' });
    expect(filtered({}, 'Zürich')).toEqual(['F']);
    expect(filtered({}, 'ÄRZTEHAUS')).toEqual(['F']);
    expect(filtered({}, 'ärztehaus')).toEqual(['F']);
  });
});
