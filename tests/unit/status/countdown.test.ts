import { addDays, addMinutes, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countdown, daysLeft, expiryInstant, nextReminder, REMINDER_DAYS } from '../../../shared/status/index.js';

const iso = (d: Date): string => format(d, 'yyyy-MM-dd');
const EXPIRES = '2026-07-10';

describe('countdown before the last day', () => {
  it('shows whole calendar days', () => {
    const c = countdown(EXPIRES, new Date(2026, 2, 9, 8, 0));
    expect(c).toMatchObject({ expired: false, days: 123, label: '123 days' });
  });

  it('uses the singular for one day', () => {
    expect(countdown(EXPIRES, new Date(2026, 6, 9, 0, 0)).label).toBe('1 day');
    expect(countdown(EXPIRES, new Date(2026, 6, 9, 23, 59)).label).toBe('1 day');
  });

  it('shows 2 days at 00:00 two days before and still at 23:59 that day', () => {
    expect(countdown(EXPIRES, new Date(2026, 6, 8, 0, 0)).label).toBe('2 days');
    expect(countdown(EXPIRES, new Date(2026, 6, 8, 23, 59, 59)).label).toBe('2 days');
  });

  it('splits the time left into calendar days plus the rest of today', () => {
    const now = new Date(2026, 6, 7, 18, 53);
    const c = countdown(EXPIRES, now);
    expect([c.days, c.hours, c.minutes]).toEqual([3, 5, 7]);
    expect(c.totalMs).toBe(new Date(2026, 6, 11).getTime() - now.getTime());
  });
});

describe('countdown inside the last day', () => {
  it.each<[number, number, number, string]>([
    [0, 0, 0, '24 h 00 min'],
    [0, 1, 0, '23 h 59 min'],
    [18, 53, 0, '5 h 07 min'],
    [14, 0, 0, '10 h 00 min'],
    [22, 50, 0, '1 h 10 min'],
    [23, 0, 0, '1 h 00 min'],
    [23, 1, 0, '0 h 59 min'],
    [23, 58, 0, '0 h 02 min'],
    [23, 59, 0, '0 h 01 min'],
    // Rounded up: while the license still works the label never reads zero.
    [23, 59, 30, '0 h 01 min'],
    [23, 59, 59, '0 h 01 min'],
    [18, 52, 1, '5 h 08 min'],
  ])('%i:%i:%i on the expiry day -> %s', (h, m, s, label) => {
    const c = countdown(EXPIRES, new Date(2026, 6, 10, h, m, s));
    expect(c.expired).toBe(false);
    expect(c.days).toBe(0);
    expect(c.label).toBe(label);
  });

  it('exposes hours and minutes as numbers', () => {
    const c = countdown(EXPIRES, new Date(2026, 6, 10, 18, 53));
    expect([c.days, c.hours, c.minutes]).toEqual([0, 5, 7]);
    expect(c.totalMs).toBe((5 * 60 + 7) * 60_000);
  });

  it('is not expired one millisecond before midnight', () => {
    const c = countdown(EXPIRES, new Date(2026, 6, 10, 23, 59, 59, 999));
    expect(c).toMatchObject({ expired: false, totalMs: 1, label: '0 h 01 min' });
  });
});

describe('countdown after expiry', () => {
  it('is expired at 00:00 the next day: "Expired today"', () => {
    const c = countdown(EXPIRES, new Date(2026, 6, 11, 0, 0));
    expect(c).toMatchObject({ expired: true, totalMs: 0, days: 0, hours: 0, minutes: 0, label: 'Expired today' });
  });

  it('says today all through the day it stopped', () => {
    const c = countdown(EXPIRES, new Date(2026, 6, 11, 23, 59));
    expect(c).toMatchObject({ expired: true, days: 0, label: 'Expired today' });
    expect(c.totalMs).toBeLessThan(0);
  });

  it.each<[Date, number, string]>([
    [new Date(2026, 6, 12, 0, 0), 1, 'Expired yesterday'],
    [new Date(2026, 6, 12, 23, 0), 1, 'Expired yesterday'],
    [new Date(2026, 6, 13, 0, 0), 2, 'Expired 2 days ago'],
    [new Date(2026, 6, 14, 9, 0), 3, 'Expired 3 days ago'],
    [new Date(2027, 6, 11, 9, 0), 365, 'Expired 365 days ago'],
  ])('at %s: %i days since, "%s"', (now, days, label) => {
    expect(countdown(EXPIRES, now)).toMatchObject({ expired: true, days, hours: 0, minutes: 0, label });
  });
});

describe('countdown properties', () => {
  it('agrees with daysLeft and expiryInstant at any minute of any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 24 * 60 - 1 }), (dayOffset, minute) => {
        const now = addMinutes(addDays(new Date(2026, 0, 1), 180 + dayOffset), minute);
        const c = countdown(EXPIRES, now);
        const left = daysLeft(EXPIRES, now);
        expect(c.totalMs).toBe(expiryInstant(EXPIRES).getTime() - now.getTime());
        expect(c.expired).toBe(left < 0);
        if (c.expired) {
          expect(c.days).toBe(-left - 1);
        } else {
          expect(c.days).toBe(left);
          expect(c.minutes).toBeLessThan(60);
          expect(c.hours * 60 + c.minutes).toBeGreaterThan(0);
          expect(c.label).toMatch(left >= 1 ? /^\d+ days?$/ : /^\d{1,2} h \d{2} min$/);
        }
      }),
    );
  });
});

describe('REMINDER_DAYS', () => {
  it("are Dynamsoft's reminder e-mails: 90, 60, 30, 14, 7 days before and on the expiry day", () => {
    expect(REMINDER_DAYS).toEqual([90, 60, 30, 14, 7, 0]);
  });
  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(REMINDER_DAYS)).toBe(true);
  });
});

describe('nextReminder', () => {
  const now = new Date(2026, 6, 10, 12, 0);
  it.each<[number, number | null]>([
    [400, 90],
    [91, 90],
    [90, 90],
    [89, 60],
    [61, 60],
    [60, 60],
    [59, 30],
    [31, 30],
    [30, 30],
    [29, 14],
    [15, 14],
    [14, 14],
    [13, 7],
    [8, 7],
    [7, 7],
    [6, 0],
    [1, 0],
    [0, 0],
    [-1, null],
    [-30, null],
  ])('%i days left -> %s', (left, expected) => {
    expect(nextReminder(iso(addDays(now, left)), now)).toBe(expected);
  });

  it('changes at midnight: 23:59 the day of the 30-day reminder still returns 30', () => {
    expect(nextReminder('2026-08-09', new Date(2026, 6, 10, 23, 59))).toBe(30);
    expect(nextReminder('2026-08-09', new Date(2026, 6, 11, 0, 0))).toBe(14);
  });
});
