import { addDays, format } from 'date-fns';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type WritableDb } from '../../../electron/core/db/connection.js';
import { migrate } from '../../../electron/core/db/migrate.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { createLicenseService, type LicenseService } from '../../../electron/core/services/licenses/service.js';
import { HEADLINE_RANK_SQL, HEADLINE_SQL } from '../../../electron/core/services/licenses/status-sql.js';
import { createSettingsService, type SettingsService } from '../../../electron/core/services/settings.js';
import { HEADLINES, LicenseQuery } from '../../../shared/domain/query.js';
import { QUOTA_MODES, type QuotaMode } from '../../../shared/domain/quota.js';
import { DEFAULT_STATUS_SETTINGS, HEADLINE_PRECEDENCE, licenseStatus, localDate, type Headline, type StatusSettings } from '../../../shared/status/index.js';
import { fixedClock } from '../../fixtures/builders.js';

/**
 * The SQL headline (filters, counts and the status sort run on it) must agree with licenseStatus, the
 * headline every row shows on screen, for every item, day and threshold setting.
 */

interface Gen {
  activationStatus: 'new' | 'activated';
  renewed: boolean;
  term: 'annual' | 'lifetime';
  expiresIn: number | null;
  quotaMode: QuotaMode;
  quotaAmount: number;
  used: number | null;
}

interface Stored extends Gen {
  id: number;
  expiresOn: string | null;
  renewedById: number | null;
}

// Percentages at and around every band edge and overuse limit (60/80/100 %, 105 % and 110 %).
const EDGE_PERCENTS = [0, 59, 60, 79, 80, 99, 100, 101, 104, 105, 106, 109, 110, 111, 120];
// Days left at and around the default (30/14) and custom (45/10) thresholds, and expiry itself.
const EDGE_DAYS = [-400, -2, -1, 0, 1, 9, 10, 11, 13, 14, 15, 29, 30, 31, 44, 45, 46, 400];

const arbUsage = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.record({ pct: fc.constantFrom(...EDGE_PERCENTS), delta: fc.integer({ min: -1, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ permille: fc.integer({ min: 0, max: 1200 }) }) },
);

const arbItem: fc.Arbitrary<Gen> = fc
  .record({
    activationStatus: fc.constantFrom('new' as const, 'activated' as const),
    renewed: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    term: fc.constantFrom('annual' as const, 'lifetime' as const),
    expiresIn: fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.integer({ min: -400, max: 400 }) },
      { weight: 3, arbitrary: fc.constantFrom(...EDGE_DAYS) },
    ),
    quotaMode: fc.constantFrom(...QUOTA_MODES),
    quotaAmount: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(1, 3, 7, 20, 100, 1000, 10_000)),
    usage: arbUsage,
  })
  .map(({ usage, ...rest }) => {
    let used: number | null = null;
    if (usage && 'pct' in usage) used = Math.max(0, Math.round((rest.quotaAmount * usage.pct) / 100) + usage.delta);
    else if (usage) used = Math.floor((rest.quotaAmount * usage.permille) / 1000);
    return { ...rest, used };
  });

let db: WritableDb;
let settings: SettingsService;
let svc: LicenseService;
let successorId: number;

beforeAll(() => {
  db = openDatabase(':memory:');
  migrate(db, MIGRATIONS);
  settings = createSettingsService(db);
  svc = createLicenseService(db, fixedClock(), settings);
  // The item renewed items point at. It stays for the whole file and takes part in every comparison.
  successorId = Number(
    db
      .prepare(
        `INSERT INTO license_items (item_id, product_code, term, quota_mode, quota_amount, activation_status, activated_on, expires_on, created_at, updated_at)
         VALUES ('999999', 'DBR', 'annual', 'scans', 1000, 'activated', '2026-01-01', '2030-01-01', 'x', 'x')`,
      )
      .run().lastInsertRowid,
  );
});

afterAll(() => db.close());

const SUCCESSOR: Omit<Stored, 'id'> = {
  activationStatus: 'activated',
  renewed: false,
  term: 'annual',
  expiresIn: null,
  expiresOn: '2030-01-01',
  quotaMode: 'scans',
  quotaAmount: 1000,
  used: null,
  renewedById: null,
};

function store(items: Gen[], asOf: string): Stored[] {
  const insert = db.prepare(
    `INSERT INTO license_items (item_id, product_code, term, quota_mode, quota_amount, activation_status, activated_on, expires_on, used, used_on, renewed_by_id, created_at, updated_at)
     VALUES (@itemId, 'DBR', @term, @quotaMode, @quotaAmount, @activationStatus, @activatedOn, @expiresOn, @used, @usedOn, @renewedById, 'x', 'x')`,
  );
  return db
    .transaction(() => {
      db.prepare('DELETE FROM license_items WHERE id <> ?').run(successorId);
      const stored: Stored[] = [{ ...SUCCESSOR, id: successorId }];
      items.forEach((g, i) => {
        const expiresOn = g.expiresIn === null ? null : format(addDays(localDate(asOf), g.expiresIn), 'yyyy-MM-dd');
        const renewedById = g.renewed ? successorId : null;
        const row = {
          itemId: String(100_000 + i),
          term: g.term,
          quotaMode: g.quotaMode,
          quotaAmount: g.quotaAmount,
          activationStatus: g.activationStatus,
          activatedOn: g.activationStatus === 'activated' ? '2020-01-01' : null,
          expiresOn,
          used: g.used,
          usedOn: g.used === null ? null : asOf,
          renewedById,
        };
        stored.push({ ...g, id: Number(insert.run(row).lastInsertRowid), expiresOn, renewedById });
      });
      return stored;
    })
    .immediate();
}

/** Local noon of the viewer's day: what the screen computes with. */
function noonOf(asOf: string): Date {
  const d = localDate(asOf);
  d.setHours(12, 0, 0, 0);
  return d;
}

function expectedHeadlines(items: Stored[], asOf: string, s: StatusSettings): Map<number, Headline> {
  const now = noonOf(asOf);
  return new Map(items.map((x) => [x.id, licenseStatus(x, now, s).headline]));
}

function sqlHeadlines(asOf: string, s: StatusSettings): Map<number, string> {
  const rows = db.prepare(`SELECT li.id, ${HEADLINE_SQL} AS h FROM license_items li`).all({ today: asOf, redDays: s.redDays, amberDays: s.amberDays }) as { id: number; h: string }[];
  return new Map(rows.map((r) => [r.id, r.h]));
}

const listIds = (asOf: string, extra: object) => svc.list(LicenseQuery.parse({ asOf, limit: 500, ...extra })).rows.map((r) => r.id);

function checkAgreement(items: Gen[], asOf: string, s: StatusSettings): void {
  const stored = store(items, asOf);
  const expected = expectedHeadlines(stored, asOf, s);
  // 1. The expression itself, row by row.
  expect(sqlHeadlines(asOf, s)).toEqual(expected);
  // 2. Through the list's headline filter (as licenses:list runs it, with the service's settings).
  for (const h of HEADLINES) {
    const want = stored.filter((x) => expected.get(x.id) === h).map((x) => x.id);
    expect(listIds(asOf, { filters: { headlines: [h] }, sort: { key: 'itemId', dir: 'asc' } }).sort((a, b) => a - b)).toEqual(want.sort((a, b) => a - b));
  }
  // 3. The status sort: severity first, id breaking ties.
  const rank = (id: number) => HEADLINE_PRECEDENCE.indexOf(expected.get(id)!);
  const bySeverity = stored.map((x) => x.id).sort((a, b) => rank(a) - rank(b) || a - b);
  expect(listIds(asOf, { sort: { key: 'status', dir: 'asc' } })).toEqual(bySeverity);
  expect(listIds(asOf, { sort: { key: 'status', dir: 'desc' } })).toEqual([...bySeverity].reverse());
}

const SETTINGS: [string, StatusSettings][] = [
  ['default settings (amber 30, red 14)', DEFAULT_STATUS_SETTINGS],
  ['custom settings (amber 45, red 10)', { amberDays: 45, redDays: 10 }],
];

describe('HEADLINE_SQL agrees with licenseStatus', () => {
  it('lists the headlines in HEADLINE_PRECEDENCE order, so the schema enum and the status module agree', () => {
    expect([...HEADLINES]).toEqual([...HEADLINE_PRECEDENCE]);
    expect(HEADLINE_SQL).toContain('@today');
    expect(HEADLINE_RANK_SQL).toContain(HEADLINE_SQL);
  });

  describe.each(SETTINGS)('%s', (_label, s) => {
    beforeAll(() => settings.updateStatus({ ...s }));

    it('for generated items on a fixed day (2026-07-10)', () => {
      fc.assert(
        fc.property(fc.array(arbItem, { minLength: 1, maxLength: 12 }), (items) => checkAgreement(items, '2026-07-10', s)),
        { numRuns: 200 },
      );
    });

    it('on awkward days: leap day, year end, DST changes', () => {
      const days = fc.constantFrom('2028-02-29', '2026-12-31', '2027-01-01', '2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01');
      fc.assert(
        fc.property(days, fc.array(arbItem, { minLength: 1, maxLength: 8 }), (asOf, items) => checkAgreement(items, asOf, s)),
        { numRuns: 60 },
      );
    });
  });

  it('a hand-written case per band edge (so a failure names the case)', () => {
    settings.updateStatus({ ...DEFAULT_STATUS_SETTINGS });
    const base: Gen = { activationStatus: 'activated', renewed: false, term: 'annual', expiresIn: 200, quotaMode: 'scans', quotaAmount: 100, used: null };
    const cases: [Partial<Gen>, Headline][] = [
      [{ used: 59 }, 'active'],
      [{ used: 60 }, 'active'],
      [{ used: 79 }, 'active'],
      [{ used: 80 }, 'quota-high'],
      [{ used: 100 }, 'quota-full'],
      [{ used: 101 }, 'grace'],
      [{ used: 105 }, 'grace'],
      [{ used: 106 }, 'blocked'],
      [{ used: 110, quotaMode: 'devices' }, 'grace'],
      [{ used: 111, quotaMode: 'devices' }, 'blocked'],
      [{ used: 101, quotaMode: 'servers' }, 'blocked'],
      [{ expiresIn: 0 }, 'expiring-red'],
      [{ expiresIn: -1 }, 'expired'],
      [{ expiresIn: 14 }, 'expiring-red'],
      [{ expiresIn: 15 }, 'expiring-amber'],
      [{ expiresIn: 30 }, 'expiring-amber'],
      [{ expiresIn: 31 }, 'active'],
      [{ expiresIn: 31, used: 100 }, 'quota-full'],
      [{ expiresIn: 20, used: 100 }, 'quota-full'],
      [{ expiresIn: 10, used: 100 }, 'expiring-red'],
      [{ expiresIn: -1, used: 200 }, 'expired'],
      [{ activationStatus: 'new', expiresIn: -5 }, 'not-activated'],
      [{ activationStatus: 'new', used: 200 }, 'blocked'],
      [{ renewed: true, expiresIn: -5, used: 200 }, 'renewed'],
      [{ term: 'lifetime', expiresIn: null }, 'active'],
      [{ term: 'lifetime', expiresIn: 3 }, 'expiring-red'],
    ];
    const stored = store(
      cases.map(([over]) => ({ ...base, ...over })),
      '2026-07-10',
    );
    const sql = sqlHeadlines('2026-07-10', DEFAULT_STATUS_SETTINGS);
    const got = cases.map(([over], i) => [over, sql.get(stored[i + 1]!.id)]);
    expect(got).toEqual(cases.map(([over, h]) => [over, h]));
    // and the oracle agrees with the hand-written table too
    const ts = expectedHeadlines(stored, '2026-07-10', DEFAULT_STATUS_SETTINGS);
    expect(cases.map((_c, i) => ts.get(stored[i + 1]!.id))).toEqual(cases.map(([, h]) => h));
  });
});
