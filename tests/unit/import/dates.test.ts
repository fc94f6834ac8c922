import { describe, expect, it } from 'vitest';
import { addYearsIso, parseFlexibleDate } from '../../../electron/core/import/dates.js';

describe('parseFlexibleDate', () => {
  const table: [string, string | null][] = [
    ['2026-07-10', '2026-07-10'],
    ['2026/07/10', '2026-07-10'],
    ['2026-7-1', '2026-07-01'],
    ['  2026-07-10  ', '2026-07-10'],
    ['07/10/2026', '2026-07-10'], // US month/day/year
    ['7/10/2026', '2026-07-10'],
    ['31/07/2026', '2026-07-31'], // first number over 12: day/month/year
    ['13/01/2026', '2026-01-13'],
    ['10.07.2026', '2026-07-10'], // dotted: always day.month.year
    ['July 10, 2026', '2026-07-10'],
    ['july 10 2026', '2026-07-10'],
    ['10 Jul 2026', '2026-07-10'],
    ['Jul 10 2026', '2026-07-10'],
    ['Jul. 10, 2026', '2026-07-10'],
    ['10-Jul-2026', '2026-07-10'],
    ['Friday, July 10th, 2026', '2026-07-10'],
    ['Sept 1, 2026', '2026-09-01'],
    ['2026-07-10T00:00:00Z', '2026-07-10'],
    ['2026-07-10T23:30:00-05:00', '2026-07-10'],
    ['2026-07-10 08:15:00', '2026-07-10'],
    ['7/10/2026 0:00', '2026-07-10'],
    ['7/10/26', '2026-07-10'],
    ['2028-02-29', '2028-02-29'],
    // invalid
    ['2026-02-30', null],
    ['2027-02-29', null],
    ['31/31/2026', null],
    ['2026-13-01', null],
    ['00/10/2026', null],
    ['July 32, 2026', null],
    ['Smarch 10, 2026', null],
    ['2026-07', null],
    ['20260710', null],
    ['', null],
    ['   ', null],
    ['RENEW NOW >', null],
    ['2026-07/10', null],
  ];
  it.each(table)('%j → %j', (input, expected) => {
    expect(parseFlexibleDate(input)).toBe(expected);
  });
});

describe('addYearsIso', () => {
  it('adds and subtracts whole years', () => {
    expect(addYearsIso('2026-07-10', 1)).toBe('2027-07-10');
    expect(addYearsIso('2026-07-10', -1)).toBe('2025-07-10');
  });
  it('moves 29 February to 28 February in a common year', () => {
    expect(addYearsIso('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYearsIso('2028-02-29', -1)).toBe('2027-02-28');
  });
});
