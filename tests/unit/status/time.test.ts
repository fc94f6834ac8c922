import { addDays, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATUS_SETTINGS,
  daysLeft,
  expiryInstant,
  localDate,
  timeState,
  type StatusSettings,
  type TimeInput,
  type TimeState,
} from '../../../shared/status/index.js';

// Every date here is built with local constructors, so the suite means the same in whatever TZ it runs.
const iso = (d: Date): string => format(d, 'yyyy-MM-dd');
const NOW = new Date(2026, 6, 10, 14, 30); // 10 July 2026, 14:30 local

function activated(expiresOn: string | null, over: Partial<TimeInput> = {}): TimeInput {
  return { activationStatus: 'activated', expiresOn, renewedById: null, term: 'annual', ...over };
}

/** An item with `n` calendar days left at NOW. */
const withDaysLeft = (n: number): TimeInput => activated(iso(addDays(NOW, n)));

describe('localDate', () => {
  it('is local midnight of that calendar day, not UTC midnight', () => {
    expect(localDate('2026-07-10')).toEqual(new Date(2026, 6, 10, 0, 0, 0, 0));
  });

  it('keeps years below 100 as written', () => {
    const d = localDate('0099-03-01');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([99, 2, 1, 0]);
  });

  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31'])('rejects the non-date %s', (s) => {
    expect(() => localDate(s)).toThrow(RangeError);
  });

  it.each(['', '2026-7-10', '10/07/2026', '2026-07-10T00:00', ' 2026-07-10'])('rejects the malformed %j', (s) => {
    expect(() => localDate(s)).toThrow(RangeError);
  });

  it('accepts 29 February in a leap year', () => {
    expect(localDate('2028-02-29')).toEqual(new Date(2028, 1, 29));
  });
});

describe('expiryInstant', () => {
  it('is the start of the day after expiresOn: "valid till July 10" is usable all of July 10', () => {
    expect(expiryInstant('2026-07-10')).toEqual(new Date(2026, 6, 11, 0, 0, 0, 0));
  });

  it('rolls over month and year ends', () => {
    expect(expiryInstant('2026-12-31')).toEqual(new Date(2027, 0, 1));
    expect(expiryInstant('2028-02-28')).toEqual(new Date(2028, 1, 29));
    expect(expiryInstant('2026-02-28')).toEqual(new Date(2026, 2, 1));
  });

  it('is the first instant of the next local day for every day of a year, DST nights included', () => {
    // Stated as "one millisecond earlier is still expiresOn" rather than "is 00:00", because in zones that
    // start DST at midnight (Chile, Brazil until 2019) some days begin at 01:00.
    for (let day = 0; day < 366; day++) {
      const expires = addDays(new Date(2026, 0, 1), day);
      const stop = expiryInstant(iso(expires));
      expect(iso(stop)).toBe(iso(addDays(expires, 1)));
      expect(iso(new Date(stop.getTime() - 1))).toBe(iso(expires));
    }
  });
});

describe('daysLeft', () => {
  it('is 0 all through the expiry day and -1 from the next midnight', () => {
    expect(daysLeft('2026-07-10', new Date(2026, 6, 10, 0, 0))).toBe(0);
    expect(daysLeft('2026-07-10', new Date(2026, 6, 10, 23, 59, 59, 999))).toBe(0);
    expect(daysLeft('2026-07-10', new Date(2026, 6, 11, 0, 0))).toBe(-1);
  });

  it('counts calendar days, not 24-hour periods', () => {
    // 00:01 to the next midnight is barely a day, 23:59 to the day after next is nearly two.
    expect(daysLeft('2026-07-11', new Date(2026, 6, 10, 23, 59))).toBe(1);
    expect(daysLeft('2026-07-11', new Date(2026, 6, 10, 0, 1))).toBe(1);
  });

  it('counts across the year end and February', () => {
    expect(daysLeft('2027-01-01', new Date(2026, 11, 31, 12))).toBe(1);
    expect(daysLeft('2028-03-01', new Date(2028, 1, 1, 12))).toBe(29);
    expect(daysLeft('2026-07-10', new Date(2026, 2, 9, 8))).toBe(123);
  });

  it('counts across the DST changes of the running zone (EU and US dates of 2026)', () => {
    expect(daysLeft('2026-03-09', new Date(2026, 2, 8, 12))).toBe(1);
    expect(daysLeft('2026-03-30', new Date(2026, 2, 29, 12))).toBe(1);
    expect(daysLeft('2026-04-01', new Date(2026, 2, 1, 23, 30))).toBe(31);
    expect(daysLeft('2026-11-02', new Date(2026, 9, 24, 0, 30))).toBe(9);
  });

  it('agrees with the day it is reached by stepping calendar days (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -800, max: 800 }),
        fc.integer({ min: 0, max: 365 * 3 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (offset, startDay, hour, minute) => {
          const start = addDays(new Date(2025, 0, 1), startDay);
          const now = new Date(start.getFullYear(), start.getMonth(), start.getDate(), hour, minute);
          expect(daysLeft(iso(addDays(start, offset)), now)).toBe(offset);
        },
      ),
    );
  });
});

describe('timeState by days left', () => {
  const defaults: [number, TimeState][] = [
    [365, 'active'],
    [31, 'active'],
    [30, 'expiring-amber'],
    [15, 'expiring-amber'],
    [14, 'expiring-red'],
    [1, 'expiring-red'],
    [0, 'expiring-red'],
    [-1, 'expired'],
    [-400, 'expired'],
  ];
  it.each(defaults)('default settings: %i days left -> %s', (n, expected) => {
    expect(timeState(withDaysLeft(n), NOW)).toBe(expected);
    expect(timeState(withDaysLeft(n), NOW, DEFAULT_STATUS_SETTINGS)).toBe(expected);
  });

  const custom: [StatusSettings, number, TimeState][] = [
    [{ amberDays: 10, redDays: 3 }, 31, 'active'],
    [{ amberDays: 10, redDays: 3 }, 30, 'active'],
    [{ amberDays: 10, redDays: 3 }, 14, 'active'],
    [{ amberDays: 10, redDays: 3 }, 11, 'active'],
    [{ amberDays: 10, redDays: 3 }, 10, 'expiring-amber'],
    [{ amberDays: 10, redDays: 3 }, 4, 'expiring-amber'],
    [{ amberDays: 10, redDays: 3 }, 3, 'expiring-red'],
    [{ amberDays: 10, redDays: 3 }, 1, 'expiring-red'],
    [{ amberDays: 10, redDays: 3 }, 0, 'expiring-red'],
    [{ amberDays: 10, redDays: 3 }, -1, 'expired'],
    [{ amberDays: 60, redDays: 30 }, 61, 'active'],
    [{ amberDays: 60, redDays: 30 }, 60, 'expiring-amber'],
    [{ amberDays: 60, redDays: 30 }, 31, 'expiring-amber'],
    [{ amberDays: 60, redDays: 30 }, 30, 'expiring-red'],
    [{ amberDays: 60, redDays: 30 }, 15, 'expiring-red'],
    // Equal thresholds: amber is never shown, red takes over directly.
    [{ amberDays: 14, redDays: 14 }, 15, 'active'],
    [{ amberDays: 14, redDays: 14 }, 14, 'expiring-red'],
    // The narrowest bands the settings allow: red on the expiry day only, amber the day before.
    [{ amberDays: 1, redDays: 0 }, 2, 'active'],
    [{ amberDays: 1, redDays: 0 }, 1, 'expiring-amber'],
    [{ amberDays: 1, redDays: 0 }, 0, 'expiring-red'],
    [{ amberDays: 1, redDays: 0 }, -1, 'expired'],
    [{ amberDays: 7, redDays: 0 }, 8, 'active'],
    [{ amberDays: 7, redDays: 0 }, 7, 'expiring-amber'],
    [{ amberDays: 7, redDays: 0 }, 1, 'expiring-amber'],
    [{ amberDays: 7, redDays: 0 }, 0, 'expiring-red'],
  ];
  it.each(custom)('settings %j: %i days left -> %s', (settings, n, expected) => {
    expect(timeState(withDaysLeft(n), NOW, settings)).toBe(expected);
  });

  it('changes band at midnight, not 24 hours after NOW', () => {
    const item = activated('2026-07-24'); // 14 days after 10 July
    expect(timeState(item, new Date(2026, 6, 9, 23, 59, 59, 999))).toBe('expiring-amber');
    expect(timeState(item, new Date(2026, 6, 10, 0, 0))).toBe('expiring-red');
    const amber = activated('2026-08-09'); // 30 days after 10 July
    expect(timeState(amber, new Date(2026, 6, 9, 23, 59))).toBe('active');
    expect(timeState(amber, new Date(2026, 6, 10, 0, 0))).toBe('expiring-amber');
  });
});

describe('timeState at the exact instant of expiry (hard stop, no grace)', () => {
  const item = activated('2026-07-10');
  it('still works at 23:59:59.999 on the expiry day', () => {
    expect(timeState(item, new Date(2026, 6, 10, 23, 59))).toBe('expiring-red');
    expect(timeState(item, new Date(2026, 6, 10, 23, 59, 59, 999))).toBe('expiring-red');
  });
  it('is expired from 00:00 the next day', () => {
    expect(timeState(item, new Date(2026, 6, 11, 0, 0))).toBe('expired');
    expect(timeState(item, new Date(2026, 6, 11, 0, 0, 0, 1))).toBe('expired');
  });
  it('has no grace period: a week later it is still expired', () => {
    expect(timeState(item, new Date(2026, 6, 17, 12))).toBe('expired');
    expect(timeState(item, new Date(2026, 6, 18, 0, 0))).toBe('expired');
  });
});

describe('timeState for renewed, not-activated and undated items', () => {
  it('renewed wins over every date, including expired and far-future ones', () => {
    for (const n of [-30, -1, 0, 5, 20, 400]) {
      expect(timeState(activated(iso(addDays(NOW, n)), { renewedById: 7 }), NOW)).toBe('renewed');
    }
    expect(timeState(activated(null, { renewedById: 7, term: 'lifetime' }), NOW)).toBe('renewed');
  });

  it('renewed wins over not-activated', () => {
    expect(timeState({ activationStatus: 'new', expiresOn: null, renewedById: 3, term: 'annual' }, NOW)).toBe('renewed');
  });

  it('not-activated ignores expiresOn, even a past one', () => {
    for (const expiresOn of [null, iso(addDays(NOW, -10)), iso(NOW), iso(addDays(NOW, 3)), iso(addDays(NOW, 300))]) {
      expect(timeState({ activationStatus: 'new', expiresOn, renewedById: null, term: 'annual' }, NOW)).toBe(
        'not-activated',
      );
    }
  });

  it('a lifetime license without a date never expires', () => {
    expect(timeState(activated(null, { term: 'lifetime' }), NOW)).toBe('no-expiry');
    expect(timeState(activated(null, { term: 'lifetime' }), new Date(2099, 0, 1))).toBe('no-expiry');
  });

  it('an annual license without a date is active, not "no expiry"', () => {
    expect(timeState(activated(null, { term: 'annual' }), NOW)).toBe('active');
  });

  it('a lifetime license with a date is judged by that date', () => {
    expect(timeState(activated(iso(addDays(NOW, 5)), { term: 'lifetime' }), NOW)).toBe('expiring-red');
    expect(timeState(activated(iso(addDays(NOW, -1)), { term: 'lifetime' }), NOW)).toBe('expired');
  });
});

describe('timeState settings validation', () => {
  it.each([
    { amberDays: 10, redDays: 11 },
    { amberDays: -1, redDays: 0 },
    { amberDays: 30, redDays: -1 },
    { amberDays: 30.5, redDays: 14 },
    { amberDays: Number.NaN, redDays: 14 },
    { amberDays: 30, redDays: Number.POSITIVE_INFINITY },
  ])('throws on %j', (settings) => {
    expect(() => timeState(withDaysLeft(5), NOW, settings)).toThrow(RangeError);
  });
});

describe('timeState properties', () => {
  it('is monotone: as time passes an item only moves towards expiry', () => {
    const order: TimeState[] = ['active', 'expiring-amber', 'expiring-red', 'expired'];
    fc.assert(
      fc.property(
        fc.integer({ min: -60, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (expiryOffset, a, b) => {
          const redDays = Math.min(a, b);
          // Settings allow amber from 1 day (shared/status/settings.ts): 0 and 0 is not a valid pair.
          const amberDays = Math.max(a, b, 1);
          const item = activated(iso(addDays(NOW, expiryOffset)));
          let previous = -1;
          for (let step = 0; step < 200; step += 7) {
            const now = addDays(new Date(2026, 6, 10, 9, 15), step - 100);
            const rank = order.indexOf(timeState(item, now, { amberDays, redDays }));
            expect(rank).toBeGreaterThanOrEqual(previous);
            previous = rank;
          }
        },
      ),
    );
  });
});
