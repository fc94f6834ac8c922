import { describe, expect, it } from 'vitest';
import { combineReadings, forecast, roughly, roughlyUp } from '../../../shared/status/forecast.js';
import { dayWords } from '../../../shared/status/date-words.js';

const scans = (readings: [string, number][], quotaAmount = 10_000, expiresOn: string | null = '2026-12-31') =>
  forecast({ readings: readings.map(([takenOn, used]) => ({ takenOn, used })), quotaAmount, quotaMode: 'scans', expiresOn });

describe('forecast', () => {
  it('no data: says there are too few readings', () => {
    const f = scans([]);
    expect(f.status).toBe('too-few-readings');
    expect(f.message).toBe('No usage readings yet: record at least two, on different days, to forecast.');
    expect(f.projection).toEqual([]);
  });

  it('one reading: too few, but thresholds already crossed are shown as reached', () => {
    const f = scans([['2026-07-01', 8_500]]);
    expect(f.status).toBe('too-few-readings');
    expect(f.message).toMatch(/^Only one usage reading/);
    expect(f.thresholds.map((t) => [t.percent, t.reached, t.on])).toEqual([[80, true, '2026-07-01'], [100, false, null], [105, false, null]]);
  });

  it('rising usage that runs out before expiry: days before expiry and how much to add', () => {
    // 100 scans a day from 2026-07-01 (5,000): 100 % on 2026-08-20, 105 % on 2026-08-25.
    const f = scans([['2026-06-01', 2_000], ['2026-06-16', 3_500], ['2026-07-01', 5_000]]);
    expect(f.status).toBe('rising');
    expect(f.ratePerDay).toBeCloseTo(100);
    expect(f.thresholds.map((t) => [t.percent, t.on])).toEqual([[80, '2026-07-31'], [100, '2026-08-20'], [105, '2026-08-25']]);
    expect(f.runsOutDaysBeforeExpiry).toBe(133);
    // At expiry (end of 2026-12-31): 5,000 + 184 × 100 = 23,400 → 13,400 short → about 14,000.
    expect(f.projectedAtExpiry).toBe(23_400);
    expect(f.shortfall).toBe(14_000);
    expect(f.message).toBe('Runs out 133 days before expiry: add about 14,000 scans.');
    expect(f.projection).toEqual([{ takenOn: '2026-07-01', used: 5_000 }, { takenOn: '2027-01-01', used: 23_400 }]);
  });

  it('slow usage: how much will be unused at expiry', () => {
    const f = scans([['2026-06-01', 1_000], ['2026-07-01', 1_300]]);
    expect(f.unusedAtExpiry).toBe(6_900);
    expect(f.message).toBe('About 6,900 scans will be unused at expiry (unused quota does not carry over).');
  });

  it('flat usage: never crosses, all the rest is unused', () => {
    const f = scans([['2026-06-01', 4_000], ['2026-07-01', 4_000]]);
    expect(f.status).toBe('flat');
    expect(f.thresholds.every((t) => t.on === null && !t.reached)).toBe(true);
    expect(f.message).toBe('Usage is flat: about 6,000 scans will be unused at expiry (unused quota does not carry over).');
  });

  it('usage falling after a reset: forecasts from the readings since the reset only', () => {
    const f = scans([['2026-05-01', 9_000], ['2026-06-01', 9_600], ['2026-06-10', 200], ['2026-06-20', 1_200]]);
    expect(f.resetOn).toBe('2026-06-10');
    expect(f.basis.map((r) => r.takenOn)).toEqual(['2026-06-10', '2026-06-20']);
    expect(f.ratePerDay).toBeCloseTo(100);
    expect(f.thresholds[1]!.on).toBe('2026-09-16');
    const one = scans([['2026-05-01', 9_000], ['2026-06-10', 200]]);
    expect(one.message).toBe(`Only one reading since the reset on ${dayWords('2026-06-10')}: record at least two, on different days, to forecast.`);
  });

  it('already over the hard stop: says so, with the day it was crossed', () => {
    const f = scans([['2026-06-01', 9_000], ['2026-06-20', 10_400], ['2026-07-01', 10_600]]);
    expect(f.status).toBe('over');
    expect(f.message).toBe(`Usage is over the hard stop (10,500 scans) since ${dayWords('2026-07-01')}: requests are refused until quota is added.`);
  });

  it('over the quota but in the grace band: used up, add the difference', () => {
    const f = scans([['2026-06-01', 9_000], ['2026-07-01', 10_200]], 10_000, '2026-07-05');
    expect(f.thresholds[1]).toMatchObject({ reached: true, on: '2026-07-01' });
    expect(f.message).toMatch(/^The quota is used up 4 days before expiry: add about/);
  });

  it('devices stop at 110 %; concurrent modes have no allowance', () => {
    const dev = forecast({ readings: [{ takenOn: '2026-06-01', used: 50 }, { takenOn: '2026-06-11', used: 60 }], quotaAmount: 100, quotaMode: 'devices', expiresOn: null });
    expect(dev.thresholds.map((t) => [t.label, t.units, t.on])).toEqual([['80 %', 80, '2026-07-01'], ['Quota', 100, '2026-07-21'], ['Hard stop 110 %', 110, '2026-07-31']]);
    expect(dev.message).toBe(`At this rate the quota runs out on ${dayWords('2026-07-21')}.`);
    const conc = forecast({ readings: [], quotaAmount: 5, quotaMode: 'concurrent-devices', expiresOn: null });
    expect(conc.thresholds.map((t) => [t.label, t.units])).toEqual([['80 %', 4], ['Quota (hard stop)', 5]]);
    expect(forecast({ readings: [{ takenOn: '2026-06-01', used: 6 }], quotaAmount: 5, quotaMode: 'concurrent-devices', expiresOn: null }).status).toBe('over');
  });

  it('rounds "about" figures to two significant digits', () => {
    expect(roughlyUp(2_740)).toBe(2_800);
    expect(roughlyUp(13_400)).toBe(14_000);
    expect(roughlyUp(7)).toBe(7);
    expect(roughly(12_340)).toBe(12_000);
    expect(roughly(0)).toBe(0);
  });
});

describe('combineReadings', () => {
  it('sums each item’s latest reading on or before every day', () => {
    const a = [{ takenOn: '2026-06-01', used: 100 }, { takenOn: '2026-06-10', used: 300 }];
    const b = [{ takenOn: '2026-06-05', used: 50 }];
    expect(combineReadings([a, b])).toEqual([
      { takenOn: '2026-06-01', used: 100 },
      { takenOn: '2026-06-05', used: 150 },
      { takenOn: '2026-06-10', used: 350 },
    ]);
    expect(combineReadings([])).toEqual([]);
  });
});
