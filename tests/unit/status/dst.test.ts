import { addDays, format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countdown, daysLeft, expiryInstant, localDate, timeState, type TimeInput } from '../../../shared/status/index.js';

// The other status tests use local constructors and pass in whatever zone they run in. Here the zone is
// pinned (Node re-reads process.env.TZ on assignment), so the DST nights are certain to be exercised.
const ORIGINAL_TZ = process.env.TZ;
function useZone(zone: string): void {
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (ORIGINAL_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = ORIGINAL_TZ;
  });
}

const activated = (expiresOn: string): TimeInput => ({
  activationStatus: 'activated',
  expiresOn,
  renewedById: null,
  term: 'annual',
});

describe('America/New_York (23-hour day 8 March 2026, 25-hour day 1 November 2026)', () => {
  useZone('America/New_York');

  it('the zone is really in effect', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(300);
    expect(new Date(2026, 6, 1).getTimezoneOffset()).toBe(240);
  });

  it('stops at local midnight on both sides of each change', () => {
    expect(expiryInstant('2026-03-07').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(expiryInstant('2026-03-08').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(expiryInstant('2026-10-31').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(expiryInstant('2026-11-01').toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('counts the short and the long day as one day each', () => {
    expect(daysLeft('2026-03-09', new Date(2026, 2, 8, 0, 0))).toBe(1);
    expect(daysLeft('2026-03-09', new Date(2026, 2, 8, 23, 59))).toBe(1);
    expect(daysLeft('2026-11-02', new Date(2026, 10, 1, 0, 0))).toBe(1);
    expect(daysLeft('2026-11-02', new Date(2026, 10, 1, 23, 59))).toBe(1);
    expect(daysLeft('2026-04-01', new Date(2026, 2, 1, 0, 0))).toBe(31);
  });

  it('the last-day countdown runs 23 h on the short day and 25 h on the long one', () => {
    expect(countdown('2026-03-08', new Date(2026, 2, 8, 0, 0)).label).toBe('23 h 00 min');
    expect(countdown('2026-03-08', new Date(2026, 2, 8, 3, 0)).label).toBe('21 h 00 min');
    expect(countdown('2026-11-01', new Date(2026, 10, 1, 0, 0)).label).toBe('25 h 00 min');
    // 01:30 happens twice that night; Date takes the first (EDT) one.
    expect(countdown('2026-11-01', new Date(2026, 10, 1, 1, 30)).label).toBe('23 h 30 min');
  });

  it('the hard stop is exact at the spring-forward midnight', () => {
    const item = activated('2026-03-08');
    expect(timeState(item, new Date(Date.parse('2026-03-09T03:59:59.999Z')))).toBe('expiring-red');
    expect(timeState(item, new Date(Date.parse('2026-03-09T04:00:00.000Z')))).toBe('expired');
  });
});

describe('Europe/Berlin (29 March and 25 October 2026)', () => {
  useZone('Europe/Berlin');

  it('stops at local midnight around each change', () => {
    expect(expiryInstant('2026-03-28').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(expiryInstant('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(expiryInstant('2026-10-25').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('the last-day countdown follows the length of the day', () => {
    expect(countdown('2026-03-29', new Date(2026, 2, 29, 0, 0)).label).toBe('23 h 00 min');
    expect(countdown('2026-10-25', new Date(2026, 9, 25, 0, 0)).label).toBe('25 h 00 min');
    expect(countdown('2026-03-30', new Date(2026, 2, 29, 1, 0)).label).toBe('1 day');
  });

  it('every day of 2026 stops at 00:00 local and counts one day from the day before', () => {
    for (let i = 0; i < 365; i++) {
      const day = addDays(new Date(2026, 0, 1), i);
      const expiresOn = format(day, 'yyyy-MM-dd');
      const stop = expiryInstant(expiresOn);
      expect([stop.getHours(), stop.getMinutes(), stop.getDate()]).toEqual([0, 0, addDays(day, 1).getDate()]);
      expect(daysLeft(expiresOn, addDays(day, -1))).toBe(1);
    }
  });
});

describe('Australia/Lord_Howe (half-hour DST: 5 April and 4 October 2026)', () => {
  useZone('Australia/Lord_Howe');

  it('the last day lasts 24 h 30 min when DST ends and 23 h 30 min when it starts', () => {
    expect(countdown('2026-04-05', new Date(2026, 3, 5, 0, 0)).label).toBe('24 h 30 min');
    expect(countdown('2026-10-04', new Date(2026, 9, 4, 0, 0)).label).toBe('23 h 30 min');
  });

  it('day counts are unaffected', () => {
    expect(daysLeft('2026-04-06', new Date(2026, 3, 5, 23, 45))).toBe(1);
    expect(daysLeft('2026-10-05', new Date(2026, 9, 4, 0, 15))).toBe(1);
  });
});

describe('America/Sao_Paulo (2018: DST began at midnight, so 4 November had no 00:00)', () => {
  useZone('America/Sao_Paulo');

  it('the start of a day without a midnight is 01:00', () => {
    expect(localDate('2018-11-04').getHours()).toBe(1);
    expect(expiryInstant('2018-11-03').toISOString()).toBe('2018-11-04T03:00:00.000Z');
  });

  it('the 01:00 start of the short day does not carry into the stop of a license expiring on it', () => {
    expect(expiryInstant('2018-11-04').toISOString()).toBe('2018-11-05T02:00:00.000Z');
    expect(timeState(activated('2018-11-04'), new Date(Date.parse('2018-11-05T02:00:00.000Z')))).toBe('expired');
  });

  it('is usable to the end of 3 November and stopped at the first instant of the 4th', () => {
    const item = activated('2018-11-03');
    expect(timeState(item, new Date(Date.parse('2018-11-04T02:59:59.999Z')))).toBe('expiring-red');
    expect(timeState(item, new Date(Date.parse('2018-11-04T03:00:00.000Z')))).toBe('expired');
    expect(countdown('2018-11-03', new Date(Date.parse('2018-11-04T02:00:00.000Z'))).label).toBe('1 h 00 min');
  });

  it('the short day counts as one day and its countdown starts at 23 h', () => {
    expect(daysLeft('2018-11-05', new Date(Date.parse('2018-11-04T12:00:00.000Z')))).toBe(1);
    expect(countdown('2018-11-04', localDate('2018-11-04')).label).toBe('23 h 00 min');
    expect(countdown('2018-11-04', new Date(Date.parse('2018-11-05T01:59:00.000Z'))).label).toBe('0 h 01 min');
  });
});

describe.each([
  ['Pacific/Kiritimati', '2026-07-10T10:00:00.000Z'],
  ['Pacific/Pago_Pago', '2026-07-11T11:00:00.000Z'],
  ['Asia/Kolkata', '2026-07-10T18:30:00.000Z'],
  ['UTC', '2026-07-11T00:00:00.000Z'],
])('%s: the stop is local midnight, not UTC midnight', (zone, stop) => {
  useZone(zone);

  it(`"valid till 10 July 2026" stops at ${stop}`, () => {
    expect(expiryInstant('2026-07-10').toISOString()).toBe(stop);
    expect(timeState(activated('2026-07-10'), new Date(Date.parse(stop) - 1))).toBe('expiring-red');
    expect(timeState(activated('2026-07-10'), new Date(Date.parse(stop)))).toBe('expired');
  });
});
