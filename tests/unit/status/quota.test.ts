import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTA_MODES, type QuotaMode } from '../../../shared/domain/quota.js';
import { overuseLimit, quotaPercent, quotaState, type QuotaState } from '../../../shared/status/index.js';

// docs/domain-notes.md §3: +5 % for scans and pages, +10 % for per-client devices, no percentage allowance otherwise.
const FIVE_PERCENT: QuotaMode[] = ['scans', 'pages'];
const TEN_PERCENT: QuotaMode[] = ['devices'];
const NO_ALLOWANCE: QuotaMode[] = ['concurrent-devices', 'concurrent-instances', 'servers', 'domains', 'offline-devices'];

describe('overuseLimit', () => {
  it.each(FIVE_PERCENT)('%s: 1.05', (mode) => expect(overuseLimit(mode)).toBe(1.05));
  it.each(TEN_PERCENT)('%s: 1.10', (mode) => expect(overuseLimit(mode)).toBe(1.1));
  it.each(NO_ALLOWANCE)('%s: 1.0', (mode) => expect(overuseLimit(mode)).toBe(1));
  it('the three groups cover every quota mode exactly once', () => {
    expect([...FIVE_PERCENT, ...TEN_PERCENT, ...NO_ALLOWANCE].sort()).toEqual([...QUOTA_MODES].sort());
  });
});

// Percent edges on a quota of 10 000, so each edge is a whole number of units (59.99 % = 5 999).
const Q = 10_000;
type Row = [percent: string, used: number, fivePercent: QuotaState, tenPercent: QuotaState, none: QuotaState];
const EDGES: Row[] = [
  ['0', 0, 'ok', 'ok', 'ok'],
  ['59.99', 5_999, 'ok', 'ok', 'ok'],
  ['60', 6_000, 'band-60', 'band-60', 'band-60'],
  ['79.99', 7_999, 'band-60', 'band-60', 'band-60'],
  ['80', 8_000, 'band-80', 'band-80', 'band-80'],
  ['99.99', 9_999, 'band-80', 'band-80', 'band-80'],
  ['100', 10_000, 'band-100', 'band-100', 'band-100'],
  ['100.01', 10_001, 'grace', 'grace', 'blocked'],
  ['105', 10_500, 'grace', 'grace', 'blocked'],
  ['105.01', 10_501, 'blocked', 'grace', 'blocked'],
  ['110', 11_000, 'blocked', 'grace', 'blocked'],
  ['110.01', 11_001, 'blocked', 'blocked', 'blocked'],
  ['200', 20_000, 'blocked', 'blocked', 'blocked'],
];

describe('quotaState band edges', () => {
  const cases = EDGES.flatMap(([percent, used, five, ten, none]) => [
    ...FIVE_PERCENT.map((mode) => [mode, percent, used, five] as const),
    ...TEN_PERCENT.map((mode) => [mode, percent, used, ten] as const),
    ...NO_ALLOWANCE.map((mode) => [mode, percent, used, none] as const),
  ]);
  it.each(cases)('%s at %s %% -> %s', (mode, _percent, used, expected) => {
    expect(quotaState({ quotaMode: mode, quotaAmount: Q, used })).toBe(expected);
  });
});

describe('quotaState on small quotas (exact arithmetic, no float drift)', () => {
  it.each<[QuotaMode, number, number, QuotaState]>([
    ['scans', 1, 0, 'ok'],
    ['scans', 1, 1, 'band-100'],
    ['scans', 1, 2, 'blocked'],
    ['scans', 5, 3, 'band-60'],
    ['scans', 5, 4, 'band-80'],
    ['pages', 3, 2, 'band-60'],
    ['scans', 20, 21, 'grace'], // exactly 105 %
    ['scans', 20, 22, 'blocked'],
    ['pages', 19, 20, 'blocked'], // 105.26 %
    ['devices', 10, 11, 'grace'], // exactly 110 %: 11/10*100 is 110.00000000000001 in floating point
    ['devices', 10, 12, 'blocked'],
    ['devices', 30, 33, 'grace'],
    ['devices', 30, 34, 'blocked'],
    ['devices', 9, 9, 'band-100'],
    ['devices', 9, 10, 'blocked'], // 111 %: one device more is already too many on a small quota
    ['servers', 1, 1, 'band-100'],
    ['servers', 1, 2, 'blocked'],
    ['domains', 2, 3, 'blocked'],
    ['concurrent-devices', 10, 11, 'blocked'],
  ])('%s: %i of %i', (quotaMode, quotaAmount, used, expected) => {
    expect(quotaState({ quotaMode, quotaAmount, used })).toBe(expected);
  });

  it('handles the largest quotas the schema allows', () => {
    const quotaAmount = 1_000_000_000;
    expect(quotaState({ quotaMode: 'scans', quotaAmount, used: 1_050_000_000 })).toBe('grace');
    expect(quotaState({ quotaMode: 'scans', quotaAmount, used: 1_050_000_001 })).toBe('blocked');
    expect(quotaState({ quotaMode: 'devices', quotaAmount, used: 599_999_999 })).toBe('ok');
  });
});

describe('quotaState unknown', () => {
  it.each(QUOTA_MODES)('%s without a usage figure', (quotaMode) => {
    expect(quotaState({ quotaMode, quotaAmount: 100, used: null })).toBe('unknown');
  });
  it.each([
    [0, 0],
    [0, 5],
    [-10, 5],
    [Number.NaN, 5],
    [100, -1],
    [100, Number.NaN],
    [100, Number.POSITIVE_INFINITY],
  ])('quota %d, used %d cannot be compared', (quotaAmount, used) => {
    expect(quotaState({ quotaMode: 'scans', quotaAmount, used })).toBe('unknown');
  });
});

describe('quotaPercent', () => {
  it('is used / quota × 100, unrounded', () => {
    expect(quotaPercent({ quotaAmount: Q, used: 5_999 })).toBeCloseTo(59.99, 10);
    expect(quotaPercent({ quotaAmount: Q, used: 10_501 })).toBeCloseTo(105.01, 10);
    expect(quotaPercent({ quotaAmount: 3, used: 1 })).toBeCloseTo(33.333333, 5);
    expect(quotaPercent({ quotaAmount: 50, used: 0 })).toBe(0);
    expect(quotaPercent({ quotaAmount: 50, used: 50 })).toBe(100);
  });
  it('is null exactly when the state is unknown', () => {
    expect(quotaPercent({ quotaAmount: 50, used: null })).toBeNull();
    expect(quotaPercent({ quotaAmount: 0, used: 3 })).toBeNull();
    expect(quotaPercent({ quotaAmount: 10, used: -1 })).toBeNull();
  });
});

const SEVERITY: QuotaState[] = ['ok', 'band-60', 'band-80', 'band-100', 'grace', 'blocked'];
const limitPercent: Record<QuotaMode, bigint> = {
  scans: 105n,
  pages: 105n,
  devices: 110n,
  'concurrent-devices': 100n,
  'concurrent-instances': 100n,
  servers: 100n,
  domains: 100n,
  'offline-devices': 100n,
};

describe('quotaState properties', () => {
  const mode = fc.constantFrom(...QUOTA_MODES);

  it('matches an exact BigInt reference for any quota and usage', () => {
    fc.assert(
      fc.property(mode, fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 }), (m, q, u) => {
        const used = BigInt(u) * 100n;
        const quota = BigInt(q);
        const expected: QuotaState =
          used > limitPercent[m] * quota
            ? 'blocked'
            : used > 100n * quota
              ? 'grace'
              : used === 100n * quota
                ? 'band-100'
                : used >= 80n * quota
                  ? 'band-80'
                  : used >= 60n * quota
                    ? 'band-60'
                    : 'ok';
        expect(quotaState({ quotaMode: m, quotaAmount: q, used: u })).toBe(expected);
      }),
    );
  });

  it('never gets less severe as usage grows', () => {
    fc.assert(
      fc.property(mode, fc.integer({ min: 1, max: 5_000 }), fc.nat(12_000), fc.nat(12_000), (m, q, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const s1 = SEVERITY.indexOf(quotaState({ quotaMode: m, quotaAmount: q, used: low }));
        const s2 = SEVERITY.indexOf(quotaState({ quotaMode: m, quotaAmount: q, used: high }));
        expect(s2).toBeGreaterThanOrEqual(s1);
      }),
    );
  });

  it('is grace only for modes with an allowance', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NO_ALLOWANCE), fc.integer({ min: 1, max: 10_000 }), fc.nat(30_000), (m, q, u) => {
        expect(quotaState({ quotaMode: m, quotaAmount: q, used: u })).not.toBe('grace');
      }),
    );
  });
});
