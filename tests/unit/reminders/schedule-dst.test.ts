import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueReminders, localDay, occurrences, orderByDate } from '../../../electron/core/services/reminders/schedule.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../../shared/domain/reminders.js';
import { useZone } from '../../fixtures/fake-time.js';
import { scheduleLicense } from '../../fixtures/reminders.js';

describe('Europe/Berlin (clocks back on 25 October 2026)', () => {
  useZone('Europe/Berlin', { beforeAll, afterAll });

  it('the zone is really in effect', () => {
    expect(new Date(2026, 9, 24).getTimezoneOffset()).toBe(-120);
    expect(new Date(2026, 9, 26).getTimezoneOffset()).toBe(-60);
  });

  it('counts business days across the 25-hour day without drifting', () => {
    // Monday 2 November, 10 business days back: Monday 19 October, across the change.
    expect(orderByDate('2026-11-02', 10)).toBe('2026-10-19');
    const days = occurrences(scheduleLicense({ expiresOn: '2026-11-02' }), DEFAULT_REMINDER_SETTINGS).map((o) => o.on);
    expect(days).toEqual(['2026-07-21', '2026-08-20', '2026-09-18', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-20', '2026-11-02']);
  });

  it('the local day changes at local midnight on the night the clocks go back', () => {
    // 25 October 2026 00:30 CEST is 24 October 22:30 UTC.
    expect(localDay(new Date(Date.UTC(2026, 9, 24, 22, 30)))).toBe('2026-10-25');
    expect(localDay(new Date(Date.UTC(2026, 9, 24, 21, 59)))).toBe('2026-10-24');
  });
});

describe('America/New_York (clocks forward on 14 March 2027)', () => {
  useZone('America/New_York', { beforeAll, afterAll });

  it('counts business days across the 23-hour day without drifting', () => {
    expect(orderByDate('2027-03-26', 10)).toBe('2027-03-12');
    // A reminder on Sunday 14 March itself (the short day) moves to Friday 12.
    const lic = scheduleLicense({ expiresOn: '2027-03-29', knownSince: '2026-01-01' });
    expect(orderByDate('2027-03-29', 10)).toBe('2027-03-15');
    const settings = { ...DEFAULT_REMINDER_SETTINGS, offsets: [1, 0] };
    expect(occurrences(lic, settings).map((o) => o.on)).toEqual(['2027-03-12', '2027-03-15', '2027-03-16', '2027-03-29']);
  });

  it('what is due follows the local day, not the UTC one', () => {
    const lic = scheduleLicense({ expiresOn: '2027-03-29' });
    const settings = { ...DEFAULT_REMINDER_SETTINGS, offsets: [1, 0] };
    // 23:30 on Sunday 14 March in New York is already Monday in UTC.
    const lateSunday = new Date(Date.UTC(2027, 2, 15, 3, 30));
    expect(localDay(lateSunday)).toBe('2027-03-14');
    expect(dueReminders([lic], settings, localDay(lateSunday), new Map()).map((r) => r.offset)).toEqual([1]);
    expect(dueReminders([lic], settings, localDay(new Date(Date.UTC(2027, 2, 15, 4, 30))), new Map()).map((r) => r.offset)).toEqual([0]);
  });
});
