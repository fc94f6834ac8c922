import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/core/db/store.js';
import type { WritableDb } from '../../../electron/core/db/connection.js';
import { buildListQuery } from '../../../electron/core/services/licenses/list-query.js';
import { explainPage, planPage, readPage, readsInRuns, RUNS_FROM_HITS, walkForHits } from '../../../electron/core/services/licenses/page-query.js';
import { LICENSE_FROM } from '../../../electron/core/services/licenses/rows.js';
import { createLicenseService, listLicenses } from '../../../electron/core/services/licenses/service.js';
import { createSettingsService } from '../../../electron/core/services/settings.js';
import { LicenseQuery, type LicenseQueryInput } from '../../../shared/domain/query.js';
import { FIXED_AS_OF, TempDirs, fixedClock, itemIdFor, newLicenseInput } from '../../fixtures/builders.js';

const dirs = new TempDirs();
let db: WritableDb;
afterEach(() => {
  db.close();
  dirs.cleanup();
});

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a / 2 ** 32;
  };
}

/** Items around FIXED_AS_OF: many share an expiry (ties), some have none, some are renewed. */
async function fill(count: number, seed = 7): Promise<void> {
  ({ db } = await openStore(dirs.make()));
  const svc = createLicenseService(db, fixedClock(), createSettingsService(db));
  const rnd = rng(seed);
  const expiries = ['2025-03-01', '2026-01-31', '2026-07-09', '2026-07-10', '2026-07-11', '2026-07-20', '2026-08-01', '2027-07-10', null];
  db.transaction(() => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const expiresOn = expiries[Math.floor(rnd() * expiries.length)]!;
      const product = rnd() < 0.5 ? 'DBR' : 'DWT';
      const input = expiresOn === null
        ? newLicenseInput({ itemId: itemIdFor(i), productCode: product, activationStatus: 'new', activatedOn: null, expiresOn: null })
        : newLicenseInput({ itemId: itemIdFor(i), productCode: product, activatedOn: '2024-01-01', expiresOn });
      ids.push(svc.create(input).id);
    }
    // About one in eight renewed by a later item.
    const renew = db.prepare('UPDATE license_items SET renewed_by_id = ? WHERE id = ?');
    for (let i = 0; i + 1 < ids.length; i++) if (rnd() < 0.125) renew.run(ids[i + 1], ids[i]);
  })();
}

/** The order by definition: ORDER BY the urgency CASE, id, over the whole join. */
function byDefinition(input: LicenseQueryInput): number[] {
  const q = LicenseQuery.parse(input);
  const { where, params, orderBy } = buildListQuery(q, createSettingsService(db).status(), false);
  return db.prepare(`SELECT li.id ${LICENSE_FROM} ${where} ${orderBy} LIMIT @limit OFFSET @offset`).pluck().all({ ...params, limit: q.limit, offset: q.offset }) as number[];
}

const page = (input: LicenseQueryInput) => listLicenses(db, LicenseQuery.parse(input), createSettingsService(db)).rows.map((r) => r.id);

describe('the urgency order read in runs', () => {
  beforeEach(() => fill(240));

  const views: [string, Partial<LicenseQueryInput>][] = [
    ['no filter', {}],
    ['a product', { filters: { productCodes: ['DWT'] } }],
    ['expired', { filters: { headlines: ['expired'] } }],
    ['expiring', { filters: { headlines: ['expiring-red', 'expiring-amber'] } }],
    ['short search (scan)', { search: '10' }],
  ];
  for (const [name, view] of views) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`${name}, ${dir}: every page equals ORDER BY urgency, id`, () => {
        const base = { asOf: FIXED_AS_OF, sort: { key: 'urgency', dir }, ...view } as LicenseQueryInput;
        const all = byDefinition({ ...base, offset: 0, limit: 500 });
        expect(all.length).toBeGreaterThan(name === 'no filter' ? 200 : 5);
        // Pages of 7 cross every run boundary somewhere; an offset past the end gives nothing.
        const paged: number[] = [];
        for (let offset = 0; offset < all.length + 7; offset += 7) {
          const got = page({ ...base, offset, limit: 7 });
          expect(got).toEqual(byDefinition({ ...base, offset, limit: 7 }));
          paged.push(...got);
        }
        expect(paged).toEqual(all);
      });
    }
  }
});

describe('many known search hits read in runs', () => {
  beforeEach(() => fill(240));

  for (const dir of ['asc', 'desc'] as const) {
    it(`${dir}: every page equals ORDER BY urgency, id over the hits`, () => {
      const base = { asOf: FIXED_AS_OF, sort: { key: 'urgency', dir }, search: '1001' } as LicenseQueryInput;
      const hits = db.prepare("SELECT id FROM license_items WHERE search_text LIKE '%1001%'").pluck().all() as number[];
      expect(hits.length).toBeGreaterThan(20);
      // As many ids as the index hands back for a broad-but-selective search: the rest name no item.
      const ids = [...hits, ...Array.from({ length: RUNS_FROM_HITS }, (_, i) => 1e9 + i)];
      const all = byDefinition({ ...base, offset: 0, limit: 500 });
      const paged: number[] = [];
      for (let offset = 0; offset < all.length + 7; offset += 7) {
        const q = LicenseQuery.parse({ ...base, offset, limit: 7 });
        expect(readsInRuns(q, { ids })).toBe(true);
        const plan = planPage(q, createSettingsService(db).status(), { ids });
        expect(plan.kind).toBe('runs');
        // The walk through the unfiltered order finds the page itself (240 items: within its budget)…
        expect(plan.kind === 'runs' && plan.walk && walkForHits(db, plan.walk, q)).not.toBeNull();
        const got = readPage(db, plan, q).map((r) => r.id);
        expect(got).toEqual(byDefinition({ ...base, offset, limit: 7 }));
        // …and the runs' SQL, which takes over when the walk would read too many rows, finds the same.
        expect(readPage(db, plan, q, 0).map((r) => r.id)).toEqual(got);
        expect(readPage(db, plan, q, 60).map((r) => r.id)).toEqual(got);
        paged.push(...got);
      }
      expect(paged).toEqual(all);
    });
  }

  it('leaves the walk out when a filter is asked for too', () => {
    const hits = db.prepare("SELECT id FROM license_items WHERE search_text LIKE '%1001%'").pluck().all() as number[];
    const ids = [...hits, ...Array.from({ length: RUNS_FROM_HITS }, (_, i) => 1e9 + i)];
    const q = LicenseQuery.parse({ asOf: FIXED_AS_OF, search: '1001', filters: { productCodes: ['DWT'] } });
    const plan = planPage(q, createSettingsService(db).status(), { ids });
    expect(plan.kind === 'runs' && plan.walk).toBeFalsy();
    expect(readPage(db, plan, q).map((r) => r.id)).toEqual(byDefinition({ ...q, offset: 0, limit: q.limit }));
  });

  it('sorts the hits instead when they are few', () => {
    const q = LicenseQuery.parse({ asOf: FIXED_AS_OF, search: '1001' });
    expect(readsInRuns(q, { ids: [1, 2, 3] })).toBe(false);
  });
});

describe('the first page plan', () => {
  const firstPage = LicenseQuery.parse({ asOf: FIXED_AS_OF, offset: 0, limit: 100 });
  const lines = () => explainPage(db, planPage(firstPage, createSettingsService(db).status(), false), firstPage);

  function expectIndexedRuns(plan: string[]): void {
    expect(firstPage.sort).toEqual({ key: 'urgency', dir: 'asc' });
    expect(plan.filter((l) => l.startsWith('run '))).toHaveLength(4);
    // No full scan of the items and no sort of them: every run comes out of its index in order.
    expect(plan.some((l) => /TEMP B-TREE/.test(l))).toBe(false);
    expect(plan.some((l) => /^SCAN li\b(?! USING (COVERING )?INDEX license_items_renewed_order)/.test(l))).toBe(false);
    expect(plan.filter((l) => /USING COVERING INDEX license_items_live_expir(y|ed)\b/.test(l))).toHaveLength(3);
  }

  it('uses the urgency indexes with statistics', async () => {
    await fill(2000);
    db.exec('ANALYZE');
    expectIndexedRuns(lines());
  });

  it('uses them without statistics too (a store just filled in bulk)', async () => {
    await fill(2000);
    db.exec("DELETE FROM sqlite_stat1 WHERE tbl = 'license_items'");
    db.exec('ANALYZE sqlite_schema');
    expectIndexedRuns(lines());
  });
});
