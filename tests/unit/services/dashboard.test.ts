import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../electron/core/db/store.js';
import type { LicenseItem, NewLicenseInput } from '../../../shared/domain/license.js';
import { HEADLINES, QUOTA_AT_RISK_PERCENT } from '../../../shared/domain/query.js';
import { FIXED_AS_OF, TempDirs, itemIdFor, newLicenseInput } from '../../fixtures/builders.js';
import { testApi } from '../../fixtures/core.js';

const tmp = new TempDirs();
let store: OpenedStore;
let api: ReturnType<typeof testApi>;
let n: number;

beforeEach(async () => {
  store = await openStore(tmp.make());
  api = testApi(store.db);
  n = 0;
});

afterEach(() => {
  if (store.db.open) store.db.close();
  tmp.cleanup();
});

/** Creates an item (activated 2025-01-01 unless told otherwise), optionally with a usage figure. */
function make(over: Partial<NewLicenseInput>, used: number | null = null): LicenseItem {
  const item = api.deps.licenses.create(newLicenseInput({ itemId: itemIdFor(n++), activatedOn: '2025-01-01', ...over }));
  if (used !== null) api.deps.usage.add({ licenseId: item.id, takenOn: '2026-07-01', used, confirmed: true });
  return api.deps.licenses.get(item.id);
}
function renew(old: LicenseItem, by: LicenseItem): void {
  store.db.prepare('UPDATE license_items SET renewed_by_id = ? WHERE id = ?').run(by.id, old.id);
}
const NEW = { activationStatus: 'new', activatedOn: null } as const;
const summary = (asOf = FIXED_AS_OF) => api.call('dashboard:summary', { asOf });

describe('counts', () => {
  it('one count per headline, summing to the total, each equal to the list filtered by it', async () => {
    const successor = make({ expiresOn: '2027-07-01' });
    renew(make({ expiresOn: '2026-07-12' }), successor);
    make({ expiresOn: '2026-07-01' }); // expired
    make({ expiresOn: '2026-07-01' }, 2000); // expired and blocked: expired ranks first
    make({ expiresOn: '2027-07-01' }, 1200); // blocked
    make({ ...NEW, expiresOn: null });
    make({ expiresOn: '2027-07-01' }, 1030); // grace
    make({ expiresOn: '2026-07-20' }); // red
    make({ expiresOn: '2026-07-20' });
    make({ expiresOn: '2027-07-01' }, 1000); // quota-full
    make({ expiresOn: '2026-08-01' }); // amber
    make({ expiresOn: '2027-07-01' }, 850); // quota-high
    make({ term: 'lifetime', expiresOn: null }); // active

    const s = await summary();
    expect(s.counts).toEqual({
      renewed: 1,
      expired: 2,
      blocked: 1,
      'not-activated': 1,
      grace: 1,
      'expiring-red': 2,
      'quota-full': 1,
      'expiring-amber': 1,
      'quota-high': 1,
      active: 2,
    });
    expect(Object.keys(s.counts).sort()).toEqual([...HEADLINES].sort());
    expect(s.total).toBe(13);
    expect(Object.values(s.counts).reduce((a, b) => a + b, 0)).toBe(s.total);
    for (const h of HEADLINES) {
      expect((await api.call('licenses:list', { asOf: FIXED_AS_OF, filters: { headlines: [h] } })).total).toBe(s.counts[h]);
    }
  });

  it('an empty store: zero everywhere, twelve empty months', async () => {
    const s = await summary();
    expect(s.total).toBe(0);
    expect(Object.values(s.counts)).toEqual(HEADLINES.map(() => 0));
    expect(s.nextToExpire).toEqual([]);
    expect(s.quotaAtRisk).toEqual([]);
    expect(s.timeline.map((m) => m.count)).toEqual(Array(12).fill(0));
  });

  it('follows the thresholds in settings', async () => {
    make({ expiresOn: '2026-08-20' }); // 41 days
    expect((await summary()).counts.active).toBe(1);
    await api.call('settings:update', { amberDays: 45, redDays: 10 });
    expect((await summary()).counts).toMatchObject({ active: 0, 'expiring-amber': 1 });
  });
});

describe('nextToExpire', () => {
  it('activated, not renewed, not expired; soonest first (id on ties); at most 10', async () => {
    const days = ['2026-09-01', '2026-07-10', '2026-08-15', '2026-07-11', '2027-01-01', '2026-07-11', '2026-12-24', '2026-10-10', '2026-07-30', '2026-11-11', '2027-03-03', '2027-06-06'];
    const live = days.map((expiresOn) => make({ expiresOn }));
    make({ expiresOn: '2026-07-09' }); // expired yesterday
    make({ ...NEW, expiresOn: '2026-07-10' }); // not activated
    renew(make({ expiresOn: '2026-07-10' }), live[4]!); // renewed
    make({ term: 'lifetime', expiresOn: null }); // no expiry

    const s = await summary();
    const expected = [...live].sort((a, b) => a.expiresOn!.localeCompare(b.expiresOn!) || a.id - b.id).slice(0, 10);
    expect(s.nextToExpire.map((x) => x.itemId)).toEqual(expected.map((x) => x.itemId));
    expect(s.nextToExpire.map((x) => x.expiresOn)).toEqual(['2026-07-10', '2026-07-11', '2026-07-11', '2026-07-30', '2026-08-15', '2026-09-01', '2026-10-10', '2026-11-11', '2026-12-24', '2027-01-01']);
    expect(s.nextToExpire[0]).toEqual(live[1]);
  });
});

describe('quotaAtRisk', () => {
  it('80 % used or more, worst first; renewed items and items below 80 % or without usage left out', async () => {
    const a = make({ quotaAmount: 1000 }, 800); // 80 %
    const b = make({ quotaAmount: 1000 }, 799); // 79.9 %
    const c = make({ quotaAmount: 200 }, 212); // 106 %
    const d = make({ quotaAmount: 50 }, 50); // 100 %
    const e = make({ quotaAmount: 10 }, 9); // 90 %
    const f = make({ quotaAmount: 10 }, 30); // 300 %, but renewed
    renew(f, b);
    make({ quotaAmount: 10 }); // no usage
    const g = make({ ...NEW, expiresOn: null, quotaAmount: 4 }, 4); // not activated, still 100 %

    const s = await summary();
    expect(s.quotaAtRisk.map((x) => x.itemId)).toEqual([c, d, g, e, a].map((x) => x.itemId));
    expect(s.quotaAtRisk.map((x) => x.used)).toEqual([212, 50, 4, 9, 800]);
  });

  it('is capped at 10, with the true total beside it, the same set the list filter shows', async () => {
    for (let i = 0; i < 12; i++) make({ quotaAmount: 100 }, 90 + i);
    make({ quotaAmount: 100 }, 79);
    const s = await summary();
    expect(s.quotaAtRisk).toHaveLength(10);
    expect(s.quotaAtRisk.map((x) => x.used)).toEqual([101, 100, 99, 98, 97, 96, 95, 94, 93, 92]);
    expect(s.quotaAtRiskTotal).toBe(12);
    const listed = await api.call('licenses:list', { asOf: FIXED_AS_OF, filters: { minQuotaPercent: QUOTA_AT_RISK_PERCENT }, limit: 500 });
    expect(listed.total).toBe(12);
  });
});

describe('timeline', () => {
  it('twelve consecutive months from asOf’s month, across the year end, counting live items by expiry month', async () => {
    const dates = ['2026-12-01', '2026-12-31', '2027-01-01', '2027-02-28', '2027-02-01', '2027-11-30', '2027-12-01', '2026-11-30', '2028-12-05'];
    for (const expiresOn of dates) make({ expiresOn });
    make({ ...NEW, expiresOn: '2027-01-15' }); // not activated: not counted
    renew(make({ expiresOn: '2027-01-20' }), make({ expiresOn: '2028-01-20' })); // renewed one not counted; successor is outside

    const s = await api.call('dashboard:summary', { asOf: '2026-12-15' });
    expect(s.timeline.map((m) => m.month)).toEqual([
      '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10', '2027-11',
    ]);
    // The current month counts the whole month, including 2026-12-01, which expired before asOf.
    expect(s.timeline.map((m) => m.count)).toEqual([2, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('starts at the month of asOf on the first and last day of a month', async () => {
    make({ expiresOn: '2026-07-31' });
    for (const asOf of ['2026-07-01', '2026-07-31']) {
      const t = (await api.call('dashboard:summary', { asOf })).timeline;
      expect(t[0]).toEqual({ month: '2026-07', count: 1 });
      expect(t[11]!.month).toBe('2027-06');
    }
  });
});
