import { addDays, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HEADLINE_LABELS,
  HEADLINE_PRECEDENCE,
  QUOTA_STATE_LABELS,
  TIME_STATE_LABELS,
  headline,
  licenseStatus,
  quotaHeadline,
  timeHeadline,
  type Headline,
  type QuotaState,
  type StatusInput,
  type TimeState,
} from '../../../shared/status/index.js';

const TIME_STATES: TimeState[] = [
  'not-activated',
  'active',
  'expiring-amber',
  'expiring-red',
  'expired',
  'renewed',
  'no-expiry',
];
const QUOTA_STATES: QuotaState[] = ['unknown', 'ok', 'band-60', 'band-80', 'band-100', 'grace', 'blocked'];

describe('HEADLINE_PRECEDENCE', () => {
  it('is the documented order, most severe first', () => {
    expect(HEADLINE_PRECEDENCE).toEqual([
      'renewed',
      'expired',
      'blocked',
      'not-activated',
      'grace',
      'expiring-red',
      'quota-full',
      'expiring-amber',
      'quota-high',
      'active',
    ]);
  });
  it('lists every headline once and cannot be changed at run time', () => {
    expect(new Set(HEADLINE_PRECEDENCE).size).toBe(HEADLINE_PRECEDENCE.length);
    expect(Object.keys(HEADLINE_LABELS).sort()).toEqual([...HEADLINE_PRECEDENCE].sort());
    expect(Object.isFrozen(HEADLINE_PRECEDENCE)).toBe(true);
  });
});

// Written out by hand, one row per time state, columns in QUOTA_STATES order:
//            unknown, ok, band-60, band-80, band-100, grace, blocked
const NA: Headline = 'not-activated';
const AMB: Headline = 'expiring-amber';
const RED: Headline = 'expiring-red';
const EXPECTED: Record<TimeState, Record<QuotaState, Headline>> = {
  'not-activated': row(NA, NA, NA, NA, NA, NA, 'blocked'),
  active: row('active', 'active', 'active', 'quota-high', 'quota-full', 'grace', 'blocked'),
  'expiring-amber': row(AMB, AMB, AMB, AMB, 'quota-full', 'grace', 'blocked'),
  'expiring-red': row(RED, RED, RED, RED, RED, 'grace', 'blocked'),
  expired: row('expired', 'expired', 'expired', 'expired', 'expired', 'expired', 'expired'),
  renewed: row('renewed', 'renewed', 'renewed', 'renewed', 'renewed', 'renewed', 'renewed'),
  'no-expiry': row('active', 'active', 'active', 'quota-high', 'quota-full', 'grace', 'blocked'),
};
function row(...h: [Headline, Headline, Headline, Headline, Headline, Headline, Headline]): Record<QuotaState, Headline> {
  return { unknown: h[0], ok: h[1], 'band-60': h[2], 'band-80': h[3], 'band-100': h[4], grace: h[5], blocked: h[6] };
}

describe('headline over every (time × quota) combination', () => {
  const all = TIME_STATES.flatMap((t) => QUOTA_STATES.map((q) => [t, q, EXPECTED[t][q]] as const));
  it('the table covers all 49 combinations', () => {
    expect(all).toHaveLength(49);
  });
  it.each(all)('%s × %s -> %s', (time, quota, expected) => {
    expect(headline(time, quota)).toBe(expected);
  });
});

// What each dimension alone contributes, also by hand: band-60, ok, unknown and no-expiry say nothing.
const TIME_ALONE: Record<TimeState, Headline> = {
  'not-activated': 'not-activated',
  active: 'active',
  'expiring-amber': 'expiring-amber',
  'expiring-red': 'expiring-red',
  expired: 'expired',
  renewed: 'renewed',
  'no-expiry': 'active',
};
const QUOTA_ALONE: Record<QuotaState, Headline> = {
  unknown: 'active',
  ok: 'active',
  'band-60': 'active',
  'band-80': 'quota-high',
  'band-100': 'quota-full',
  grace: 'grace',
  blocked: 'blocked',
};

describe('timeHeadline / quotaHeadline', () => {
  it.each(TIME_STATES)('time %s', (t) => expect(timeHeadline(t)).toBe(TIME_ALONE[t]));
  it.each(QUOTA_STATES)('quota %s', (q) => expect(quotaHeadline(q)).toBe(QUOTA_ALONE[q]));
});

describe('headline properties', () => {
  const time = fc.constantFrom(...TIME_STATES);
  const quota = fc.constantFrom(...QUOTA_STATES);
  const rank = (h: Headline): number => HEADLINE_PRECEDENCE.indexOf(h);

  it('is always the more severe of its two inputs per HEADLINE_PRECEDENCE', () => {
    fc.assert(
      fc.property(time, quota, (t, q) => {
        const h = headline(t, q);
        expect([TIME_ALONE[t], QUOTA_ALONE[q]]).toContain(h);
        expect(rank(h)).toBe(Math.min(rank(TIME_ALONE[t]), rank(QUOTA_ALONE[q])));
      }),
    );
  });

  // Each list runs from mild to severe; states outside them (renewed, not-activated, unknown, no-expiry) are not
  // on a severity scale of their own.
  const QUOTA_WORSENING: QuotaState[] = ['ok', 'band-60', 'band-80', 'band-100', 'grace', 'blocked'];
  const TIME_WORSENING: TimeState[] = ['active', 'expiring-amber', 'expiring-red', 'expired'];
  const ordered = <T,>(list: T[]) =>
    fc.tuple(fc.nat(list.length - 1), fc.nat(list.length - 1)).map(([a, b]) => {
      const [mild, severe] = [list[Math.min(a, b)], list[Math.max(a, b)]];
      if (mild === undefined || severe === undefined) throw new Error('index out of range');
      return [mild, severe] as const;
    });

  it('never gets milder when the quota gets worse', () => {
    fc.assert(
      fc.property(time, ordered(QUOTA_WORSENING), (t, [mild, severe]) => {
        expect(rank(headline(t, severe))).toBeLessThanOrEqual(rank(headline(t, mild)));
      }),
    );
  });

  it('never gets milder as expiry approaches', () => {
    fc.assert(
      fc.property(quota, ordered(TIME_WORSENING), (q, [mild, severe]) => {
        expect(rank(headline(severe, q))).toBeLessThanOrEqual(rank(headline(mild, q)));
      }),
    );
  });
});

describe('labels', () => {
  it('every headline, time and quota state has a non-empty label', () => {
    for (const { label } of [
      ...Object.values(HEADLINE_LABELS),
      ...Object.values(TIME_STATE_LABELS),
      ...Object.values(QUOTA_STATE_LABELS),
    ]) {
      expect(label.trim()).not.toBe('');
    }
    expect(Object.keys(TIME_STATE_LABELS).sort()).toEqual([...TIME_STATES].sort());
    expect(Object.keys(QUOTA_STATE_LABELS).sort()).toEqual([...QUOTA_STATES].sort());
  });

  it('stops are red, healthy is green, and tone severity follows precedence among health states', () => {
    expect(HEADLINE_LABELS.expired.tone).toBe('error');
    expect(HEADLINE_LABELS.blocked.tone).toBe('error');
    expect(HEADLINE_LABELS['expiring-red'].tone).toBe('error');
    expect(HEADLINE_LABELS['expiring-amber'].tone).toBe('warning');
    expect(HEADLINE_LABELS.active.tone).toBe('success');
    const toneRank = { error: 0, warning: 1, success: 2 } as const;
    const health = HEADLINE_PRECEDENCE.filter((h) => h !== 'renewed' && h !== 'not-activated');
    const ranks = health.map((h) => toneRank[HEADLINE_LABELS[h].tone as keyof typeof toneRank]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe('licenseStatus', () => {
  const now = new Date(2026, 6, 10, 9, 0);
  const iso = (n: number): string => format(addDays(now, n), 'yyyy-MM-dd');
  const base: StatusInput = {
    activationStatus: 'activated',
    expiresOn: iso(200),
    renewedById: null,
    term: 'annual',
    quotaMode: 'scans',
    quotaAmount: 10_000,
    used: 1_000,
  };

  it('reports both dimensions, the headline and the raw figures', () => {
    expect(licenseStatus(base, now)).toEqual({
      time: 'active',
      quota: 'ok',
      headline: 'active',
      daysLeft: 200,
      quotaPercent: 10,
    });
  });

  it('red expiry outranks a full quota, and both dimensions stay visible', () => {
    expect(licenseStatus({ ...base, expiresOn: iso(10), used: 10_000 }, now)).toEqual({
      time: 'expiring-red',
      quota: 'band-100',
      headline: 'expiring-red',
      daysLeft: 10,
      quotaPercent: 100,
    });
  });

  it('the 60 % band shows in the quota dimension but not in the headline', () => {
    expect(licenseStatus({ ...base, used: 6_500 }, now)).toMatchObject({ quota: 'band-60', headline: 'active' });
  });

  it('a devices license at 108 % is in grace, a scans license at 108 % is blocked', () => {
    expect(licenseStatus({ ...base, quotaMode: 'devices', used: 10_800 }, now).headline).toBe('grace');
    expect(licenseStatus({ ...base, used: 10_800 }, now).headline).toBe('blocked');
  });

  it('passes custom settings through', () => {
    const item = { ...base, expiresOn: iso(45) };
    expect(licenseStatus(item, now).headline).toBe('active');
    expect(licenseStatus(item, now, { amberDays: 60, redDays: 14 }).headline).toBe('expiring-amber');
    expect(licenseStatus(item, now, { amberDays: 60, redDays: 50 }).headline).toBe('expiring-red');
  });

  it('a lifetime license takes its headline from quota alone', () => {
    const lifetime = { ...base, term: 'lifetime' as const, expiresOn: null };
    expect(licenseStatus(lifetime, now)).toMatchObject({ time: 'no-expiry', daysLeft: null, headline: 'active' });
    expect(licenseStatus({ ...lifetime, used: 9_000 }, now).headline).toBe('quota-high');
    expect(licenseStatus({ ...lifetime, quotaMode: 'servers', quotaAmount: 2, used: 3 }, now).headline).toBe('blocked');
  });

  it('a not-activated item has no days left, whatever expiresOn says', () => {
    expect(licenseStatus({ ...base, activationStatus: 'new', expiresOn: iso(-5), used: null }, now)).toEqual({
      time: 'not-activated',
      quota: 'unknown',
      headline: 'not-activated',
      daysLeft: null,
      quotaPercent: null,
    });
  });

  it('a renewed item is headlined as renewed even when expired and over quota', () => {
    expect(licenseStatus({ ...base, renewedById: 42, expiresOn: iso(-3), used: 50_000 }, now)).toMatchObject({
      time: 'renewed',
      quota: 'blocked',
      headline: 'renewed',
      daysLeft: -3,
    });
  });

  it('expired wins over blocked on the first day after expiry', () => {
    expect(licenseStatus({ ...base, expiresOn: iso(-1), used: 20_000 }, now)).toMatchObject({
      time: 'expired',
      quota: 'blocked',
      headline: 'expired',
      daysLeft: -1,
    });
  });
});
