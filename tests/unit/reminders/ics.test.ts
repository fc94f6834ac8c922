import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile, type CalendarLicense } from '../../../electron/core/services/reminders/ics.js';
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
    // At 09:00 on each reminder day: 90 days before midnight, less nine hours, …
    expect(orderBy.alarms.map((a) => a.trigger)).toEqual(['-P89DT15H', '-P59DT15H', '-P29DT15H', '-P13DT15H', '-P6DT15H', 'PT9H']);
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

  it('refuses an empty calendar with a clear message', () => {
    expect(() => calendarFile([], DEFAULT_REMINDER_SETTINGS, stamp)).toThrow('No active license with an expiry date to put in a calendar.');
  });
});
