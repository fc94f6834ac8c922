import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTicks, dayNumber, linearScale, niceTicks } from '../../../renderer/src/features/license-detail/chart-scale';

describe('chart scales', () => {
  it('picks round ticks from 0 that reach the maximum', () => {
    expect(niceTicks(10000)).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
    expect(niceTicks(95)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });

  it('always starts at 0, steps evenly by 1, 2, 2.5 or 5 × 10ⁿ and ends at or just past the maximum', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e9, noNaN: true }), (max) => {
        const ticks = niceTicks(max);
        expect(ticks[0]).toBe(0);
        expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        const step = ticks[1]! - ticks[0]!;
        const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
        expect([1, 2, 2.5, 5]).toContain(mantissa);
        expect(ticks.length).toBeLessThanOrEqual(12);
      }),
    );
  });

  it('counts local calendar days, so a DST change does not bend the axis', () => {
    expect(dayNumber('2000-01-01')).toBe(0);
    expect(dayNumber('2026-03-30') - dayNumber('2026-03-28')).toBe(2);
    expect(dayNumber('2026-10-26') - dayNumber('2026-10-24')).toBe(2);
  });

  it('maps a domain onto a range linearly, and a zero-width domain without dividing by zero', () => {
    const x = linearScale([0, 10], [100, 200]);
    expect(x(0)).toBe(100);
    expect(x(5)).toBe(150);
    expect(x(10)).toBe(200);
    expect(linearScale([3, 3], [0, 50])(3)).toBe(0);
  });

  it('spaces date ticks evenly across a span, including both ends, never more than the days in it', () => {
    expect(dateTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(dateTicks(10, 12)).toEqual([10, 11, 12]);
    expect(dateTicks(5, 5)).toEqual([5]);
  });
});
