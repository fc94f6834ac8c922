import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile, type CalendarLicense } from '../../../electron/core/services/reminders/ics.js';
import { reminderDay } from '../../../electron/core/services/reminders/schedule.js';
import { DEFAULT_REMINDER_SETTINGS, ReminderSettings } from '../../../shared/domain/reminders.js';

const lic = (overrides: Partial<CalendarLicense> = {}): CalendarLicense => ({
  itemId: '100001',
  productCode: 'DBR',
  product: 'Dynamsoft Barcode Reader · JavaScript Edition',
  alias: 'checkout',
  projectCode: '100200-web',
  expiresOn: '2026-12-18',
  quota: '10,000 scans',
  ...overrides,
});

interface Parsed {
  uid: string;
  summary: string;
  start: string;
  end: string;
  isDate: boolean;
  description: string;
  alarms: { trigger: string; description: string }[];
}

/** Parsed back with ical.js, the calendar parser Thunderbird uses. */
function parse(text: string): Parsed[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      isDate: e.startDate.isDate,
      description: e.description,
      alarms: c.getAllSubcomponents('valarm').map((a) => ({ trigger: String(a.getFirstPropertyValue('trigger')), description: String(a.getFirstPropertyValue('description')) })),
    };
  });
}

const stamp = new Date('2026-12-01T10:00:00Z');

describe('calendar export', () => {
  it('has an order-by event with an alarm per offset and an expiry event, as all-day dates', () => {
    const events = parse(calendarFile([lic()], DEFAULT_REMINDER_SETTINGS, stamp));
    expect(events).toHaveLength(2);
    const [orderBy, expiry] = events as [Parsed, Parsed];
    expect(orderBy).toMatchObject({ uid: 'order-by-100001@license-desk', start: '2026-12-04', end: '2026-12-05', isDate: true });
    expect(orderBy.summary).toBe('Order renewal: Dynamsoft Barcode Reader · JavaScript Edition (checkout)');
    // At 09:00 on each reminder day: 60 days before midnight, less nine hours, … The 90-day one would
    // be Saturday 5 September, so it rings on Friday the 4th, 91 days before.
    expect(orderBy.alarms.map((a) => a.trigger)).toEqual(['-P90DT15H', '-P59DT15H', '-P29DT15H', '-P13DT15H', '-P6DT15H', 'PT9H']);
    expect(orderBy.alarms[0]!.description).toBe('91 days to order the renewal of Dynamsoft Barcode Reader · JavaScript Edition (checkout)');
    expect(orderBy.alarms[4]!.description).toBe('7 days to order the renewal of Dynamsoft Barcode Reader · JavaScript Edition (checkout)');
    expect(expiry).toMatchObject({ uid: 'expiry-100001@license-desk', start: '2026-12-18', end: '2026-12-19', isDate: true, alarms: [{ trigger: 'PT9H' }] });
    for (const e of events) {
      expect(e.description).toContain('License: Dynamsoft Barcode Reader · JavaScript Edition, item 100001 (checkout), 10,000 scans');
      expect(e.description).toContain('Project: 100200-web');
      expect(e.description).toContain('Order by: 2026-12-04, 10 business days');
    }
  });

  it('keeps UIDs stable between two exports, so a re-import updates rather than duplicates', () => {
    const first = parse(calendarFile([lic(), lic({ itemId: '100002', expiresOn: '2027-02-26', alias: null, projectCode: null })], DEFAULT_REMINDER_SETTINGS, stamp));
    const later = parse(calendarFile([lic({ expiresOn: '2027-12-17' }), lic({ itemId: '100002', expiresOn: '2027-02-26', alias: null, projectCode: null })], DEFAULT_REMINDER_SETTINGS, new Date('2026-12-20T08:00:00Z')));
    expect(later.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(new Set(first.map((e) => e.uid)).size).toBe(4);
    // The changed expiry moved its events; the other license's are unchanged.
    expect(later[1]!.start).toBe('2027-12-17');
    expect(later.slice(2)).toEqual(first.slice(2));
    expect(first[2]!.description).toContain('Project: none');
  });

  it('uses the chosen offsets and digest time, and a product lead time override', () => {
    const settings = ReminderSettings.parse({ ...DEFAULT_REMINDER_SETTINGS, offsets: [14, 0], digestTime: '00:00', overrides: [{ productCode: 'DBR', leadTimeDays: 20, offsets: null }] });
    const [orderBy, expiry] = parse(calendarFile([lic()], settings, stamp)) as [Parsed, Parsed];
    expect(orderBy.start).toBe('2026-11-20');
    expect(orderBy.alarms.map((a) => a.trigger)).toHaveLength(2);
    expect(orderBy.alarms[0]!.trigger).toBe('-PT336H');
    // Midnight on the day itself cannot be a zero duration in ics, so it is the start instant.
    expect(expiry.alarms[0]!.trigger).toMatch(/^2026-12-1[78]T\d\d:00:00Z$/);
  });

  it('never rings an order-by alarm at the weekend, and rings on the days the app reminds', () => {
    // Every expiry over four months (DST changes included), so each offset meets every weekday many times.
    const licenses = Array.from({ length: 120 }, (_, i) => {
      const d = new Date(2027, 1, 1 + i);
      return lic({ itemId: String(200000 + i), expiresOn: `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}` });
    });
    const settings = ReminderSettings.parse({ ...DEFAULT_REMINDER_SETTINGS, offsets: [90, 45, 30, 13, 8, 2, 1, 0] });
    const cal = new ICAL.Component(ICAL.parse(calendarFile(licenses, settings, stamp)));
    let checked = 0;
    for (const c of cal.getAllSubcomponents('vevent')) {
      const event = new ICAL.Event(c);
      if (!event.uid.startsWith('order-by-')) continue;
      const orderBy = event.startDate.toString();
      const rings = c.getAllSubcomponents('valarm').map((a) => {
        const at = event.startDate.clone();
        at.isDate = false;
        at.addDuration(a.getFirstPropertyValue('trigger') as ICAL.Duration);
        return at;
      });
      // 2 and 1 days before a Monday both move to the Friday before: one alarm, not two.
      expect(new Set(rings.map(String)).size).toBe(rings.length);
      const expected = [...new Set(settings.offsets.map((o) => reminderDay(orderBy, o)))];
      expect(rings.map((t) => t.toString().slice(0, 10))).toEqual(expected);
      for (const t of rings) {
        // ical.js: 1 is Sunday, 7 is Saturday.
        expect([1, 7]).not.toContain(t.dayOfWeek());
        expect([t.hour, t.minute]).toEqual([9, 0]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(120 * 6);
  });

  it('refuses an empty calendar with a clear message', () => {
    expect(() => calendarFile([], DEFAULT_REMINDER_SETTINGS, stamp)).toThrow('No active license with an expiry date to put in a calendar.');
  });
});
