import { describe, expect, it } from 'vitest';
import {
  dueReminders,
  localDay,
  occurrences,
  orderByDate,
  reminderDay,
  snoozeUntil,
  type Decision,
  type ScheduleLicense,
} from '../../../electron/core/services/reminders/schedule.js';
import { DEFAULT_REMINDER_SETTINGS, ReminderSettings } from '../../../shared/domain/reminders.js';
import { scheduleLicense } from '../../fixtures/reminders.js';
import { weekdayWords } from '../../../shared/status/date-words.js';


const S = DEFAULT_REMINDER_SETTINGS;
const none = new Map<string, Decision>();
const due = (today: string, licenses: ScheduleLicense[] = [scheduleLicense()], decisions: ReadonlyMap<string, Decision> = none, settings = S) =>
  dueReminders(licenses, settings, today, decisions);

describe('order-by date: expiry minus the lead time in business days', () => {
  it('counts Monday to Friday only', () => {
    expect(orderByDate('2026-12-18', 10)).toBe('2026-12-04'); // Fri → Fri two weeks earlier
    expect(orderByDate('2026-12-14', 1)).toBe('2026-12-11'); // Mon → the Friday before
    expect(orderByDate('2026-12-18', 0)).toBe('2026-12-18');
  });

  it('starts a weekend expiry from the Friday before', () => {
    expect(orderByDate('2026-12-19', 1)).toBe('2026-12-18'); // Sat
    expect(orderByDate('2026-12-20', 10)).toBe('2026-12-07'); // Sun → Fri 18 is day 1, Mon 7 day 10
  });

  it('moves an offset that lands on a weekend to the Friday before, never later', () => {
    expect(reminderDay('2026-12-04', 90)).toBe('2026-09-04'); // 5 September is a Saturday
    expect(reminderDay('2026-12-04', 60)).toBe('2026-10-05');
    expect(reminderDay('2026-12-04', 0)).toBe('2026-12-04');
    expect(reminderDay('2026-12-07', 1)).toBe('2026-12-04'); // Sunday 6 → Friday 4
  });

  it('lists every reminder of the term, oldest first: the offsets, late, then expiry', () => {
    const all = occurrences(scheduleLicense(), S);
    expect(all.map((o) => [o.kind, o.offset, o.on])).toEqual([
      ['order-by', 90, '2026-09-04'],
      ['order-by', 60, '2026-10-05'],
      ['order-by', 30, '2026-11-04'],
      ['order-by', 14, '2026-11-20'],
      ['order-by', 7, '2026-11-27'],
      ['order-by', 0, '2026-12-04'],
      ['late', null, '2026-12-07'],
      ['expiry', null, '2026-12-18'],
    ]);
    expect(new Set(all.map((o) => o.id)).size).toBe(all.length);
  });
});

describe('what is due', () => {
  it('lists one day\'s reminders most pressing first: the soonest order-by date leads', () => {
    const today = '2026-12-02';
    const licenses = [
      scheduleLicense({ id: 1, itemId: '100001', expiresOn: '2027-03-01', knownSince: today }),
      scheduleLicense({ id: 2, itemId: '100002', expiresOn: '2026-12-18', knownSince: today }),
      scheduleLicense({ id: 3, itemId: '100003', expiresOn: '2027-01-20', knownSince: today }),
    ];
    const list = due(today, licenses);
    expect(list.map((r) => r.dueOn)).toEqual([today, today, today]);
    expect(list.map((r) => r.licenseId)).toEqual([2, 3, 1]);
  });

  it('puts what stops work now (late, quota used up) above deadlines, and early warnings below them', () => {
    const today = '2026-12-02';
    const licenses = [
      scheduleLicense({ id: 1, itemId: '100001', expiresOn: '2027-03-01', knownSince: today, used: 8_500 }),
      scheduleLicense({ id: 2, itemId: '100002', expiresOn: '2027-06-01', knownSince: today, used: 10_000 }),
      scheduleLicense({ id: 3, itemId: '100003', expiresOn: '2026-12-08', knownSince: today }),
    ].map((l) => ({ ...l, usedOn: l.used === null ? null : today }));
    expect(due(today, licenses).map((r) => [r.licenseId, r.kind])).toEqual([
      [3, 'late'],
      [2, 'quota-100'],
      [1, 'order-by'],
      [1, 'quota-80'],
    ]);
  });

  it('shows nothing before the first reminder and only the latest one after', () => {
    expect(due('2026-09-03')).toEqual([]);
    expect(due('2026-09-04').map((r) => r.offset)).toEqual([90]);
    expect(due('2026-10-04').map((r) => r.offset)).toEqual([90]);
    // The 90-day reminder was not acted on; the 60-day one replaces it rather than joining it.
    expect(due('2026-10-05').map((r) => r.offset)).toEqual([60]);
    const [today] = due('2026-12-04');
    expect(today).toMatchObject({ kind: 'order-by', offset: 0, title: 'Order the renewal today', dueOn: '2026-12-04', nextOn: '2026-12-07' });
  });

  it('words the countdown to the order-by date and leads to the renew wizard', () => {
    const [r] = due('2026-11-20');
    expect(r).toMatchObject({ title: `Order the renewal by ${weekdayWords('2026-12-04')}`, orderBy: '2026-12-04', target: { kind: 'renew', licenseId: 1 } });
    expect(r!.detail).toBe(`14 days to the order-by date, 10 business days before it expires on ${weekdayWords('2026-12-18')}.`);
  });

  it('says the order is late once the order-by date has passed, then expiry on the day, then nothing', () => {
    expect(due('2026-12-08')[0]).toMatchObject({ kind: 'late', dueOn: '2026-12-07', target: { kind: 'renew', licenseId: 1 } });
    expect(due('2026-12-08')[0]!.detail).toContain('8 business days are left');
    // On the day itself it is too late to renew in time: Open shows the license.
    expect(due('2026-12-18')[0]).toMatchObject({ kind: 'expiry', title: 'Expires today', target: { kind: 'license', licenseId: 1 } });
    expect(due('2026-12-19')).toEqual([]);
  });

  it('a lead time longer than the time left is late at once, due the day the license was added', () => {
    const added = scheduleLicense({ expiresOn: '2026-12-10', knownSince: '2026-12-07' });
    const [r] = due('2026-12-07', [added]);
    expect(r).toMatchObject({ kind: 'late', dueOn: '2026-12-07', orderBy: '2026-11-26' });
    expect(r!.detail).toContain(`3 business days are left before it expires on ${weekdayWords('2026-12-10')}, fewer than the 10 a purchase takes`);
  });

  it('a renewed license stops reminding; a new expiry starts a fresh schedule that old dismissals do not silence', () => {
    const [r] = due('2026-11-20');
    const dismissed = new Map<string, Decision>([[r!.id, { action: 'dismissed', until: null }]]);
    expect(due('2026-11-20', [scheduleLicense()], dismissed)).toEqual([]);
    expect(due('2026-11-20', [scheduleLicense({ renewedById: 2 })], none)).toEqual([]);
    // Renewed in place: the same record now expires a year later, so nothing is due yet …
    const extended = scheduleLicense({ expiresOn: '2027-12-17' });
    expect(due('2026-11-20', [extended], dismissed)).toEqual([]);
    // … and its own 90-day reminder comes, even though the old term's reminders were dismissed.
    const next = due('2027-09-03', [extended], dismissed);
    expect(next.map((x) => x.offset)).toEqual([90]);
    expect(next[0]!.id).not.toBe(r!.id);
  });

  it('gives no term reminders for licenses not activated or without an expiry', () => {
    expect(due('2026-12-04', [scheduleLicense({ activationStatus: 'new' }), scheduleLicense({ id: 2, expiresOn: null })])).toEqual([]);
  });

  it('uses a product override for lead time and offsets', () => {
    const settings = ReminderSettings.parse({ ...S, overrides: [{ productCode: 'DWT', leadTimeDays: 20, offsets: [30, 0] }] });
    const dwt = occurrences(scheduleLicense({ productCode: 'DWT' }), settings);
    expect(dwt.filter((o) => o.kind === 'order-by').map((o) => [o.offset, o.on])).toEqual([
      [30, '2026-10-21'],
      [0, '2026-11-20'],
    ]);
    expect(occurrences(scheduleLicense(), settings).filter((o) => o.kind === 'order-by')).toHaveLength(6);
  });

  it('sorts newest day first across licenses', () => {
    const list = due('2026-11-20', [scheduleLicense(), scheduleLicense({ id: 2, itemId: '2', expiresOn: '2027-01-29' })]);
    expect(list.map((r) => [r.licenseId, r.dueOn])).toEqual([
      [1, '2026-11-20'],
      [2, '2026-11-16'],
    ]);
  });
});

describe('dismiss and snooze', () => {
  const decide = (id: string, d: Decision) => new Map([[id, d]]);

  it('a dismissed reminder stays away; the next offset still comes', () => {
    const [r] = due('2026-11-20');
    const dismissed = decide(r!.id, { action: 'dismissed', until: null });
    expect(due('2026-11-20', undefined, dismissed)).toEqual([]);
    expect(due('2026-11-26', undefined, dismissed)).toEqual([]);
    expect(due('2026-11-27', undefined, dismissed).map((x) => x.offset)).toEqual([7]);
  });

  it('snooze for a day or a week hides it until then, and it comes back under that day', () => {
    expect(snoozeUntil('day', '2026-11-20', null)).toBe('2026-11-21');
    expect(snoozeUntil('week', '2026-11-20', null)).toBe('2026-11-27');
    const [r] = due('2026-11-04');
    const snoozed = decide(r!.id, { action: 'snoozed', until: '2026-11-05' });
    expect(due('2026-11-04', undefined, snoozed)).toEqual([]);
    expect(due('2026-11-05', undefined, snoozed)[0]).toMatchObject({ id: r!.id, dueOn: '2026-11-05' });
  });

  it('a newer reminder is not held back by the snooze of an older one', () => {
    const [r] = due('2026-11-20');
    const snoozed = decide(r!.id, { action: 'snoozed', until: snoozeUntil('week', '2026-11-20', null) });
    expect(due('2026-11-26', undefined, snoozed)).toEqual([]);
    expect(due('2026-11-27', undefined, snoozed).map((x) => x.offset)).toEqual([7]);
  });

  it('snooze until the next reminder ends on the day that reminder falls due', () => {
    const [r] = due('2026-11-20');
    expect(r!.nextOn).toBe('2026-11-27');
    expect(snoozeUntil('next', '2026-11-20', r!.nextOn)).toBe('2026-11-27');
    expect(due('2026-12-18')[0]!.nextOn).toBeNull();
    expect(snoozeUntil('next', '2026-12-18', null)).toBeNull();
  });
});

describe('quota and orders', () => {
  it('reminds at 80 % and at 100 % used, the higher replacing the lower; added quota starts again', () => {
    const at = (used: number, quotaAmount = 10_000) => due('2026-06-02', [scheduleLicense({ used, usedOn: '2026-06-01', quotaAmount })]);
    expect(at(7_999)).toEqual([]);
    expect(at(8_000)).toMatchObject([{ kind: 'quota-80', dueOn: '2026-06-01', title: 'Quota 80 % used' }]);
    expect(at(8_000)[0]!.detail).toBe(`8,000 scans of 10,000 scans used on ${weekdayWords('2026-06-01')}.`);
    expect(at(10_000).map((r) => r.kind)).toEqual(['quota-100']);
    const dismissed = new Map<string, Decision>([[at(10_000)[0]!.id, { action: 'dismissed', until: null }]]);
    expect(due('2026-06-02', [scheduleLicense({ used: 10_400, usedOn: '2026-06-01' })], dismissed)).toEqual([]);
    expect(due('2026-06-02', [scheduleLicense({ used: 10_400, usedOn: '2026-06-01', quotaAmount: 20_000 })], dismissed)).toEqual([]);
    expect(due('2026-06-02', [scheduleLicense({ used: 17_000, usedOn: '2026-06-01', quotaAmount: 20_000 })], dismissed).map((r) => r.kind)).toEqual(['quota-80']);
  });

  it('reminds when the forecast runs out before expiry, and not when it runs out after', () => {
    const early = scheduleLicense({ used: 5_000, usedOn: '2026-06-01', quotaRunsOutOn: '2026-10-01' });
    expect(due('2026-06-02', [early])).toMatchObject([{ kind: 'quota-forecast', title: 'Quota runs out before expiry' }]);
    expect(due('2026-06-02', [{ ...early, quotaRunsOutOn: '2027-01-01' }])).toEqual([]);
    // At 80 % and forecast to run out, the forecast is the more urgent news.
    expect(due('2026-06-02', [{ ...early, used: 8_500 }]).map((r) => r.kind)).toEqual(['quota-forecast']);
  });

  it('a license with an open renewal order reminds only to follow up once Sent for the follow-up days', () => {
    const drafted = scheduleLicense({ openOrder: { id: 7, state: 'draft', sentOn: null } });
    expect(due('2026-12-04', [drafted])).toEqual([]);
    const sent = scheduleLicense({ openOrder: { id: 7, state: 'sent', sentOn: '2026-11-20' } });
    expect(due('2026-11-26', [sent])).toEqual([]);
    const [r] = due('2026-11-30', [sent]);
    expect(r).toMatchObject({ kind: 'order-follow-up', dueOn: '2026-11-27', target: { kind: 'order', orderId: 7 } });
    expect(r!.detail).toBe(`Sent to the vendor on ${weekdayWords('2026-11-20')}, with no answer for 10 days.`);
  });
});

describe('local days', () => {
  it('the day rolls over at local midnight, and what is due with it', () => {
    const before = new Date(2026, 10, 19, 23, 59, 30);
    const after = new Date(2026, 10, 20, 0, 0, 30);
    expect(localDay(before)).toBe('2026-11-19');
    expect(localDay(after)).toBe('2026-11-20');
    expect(due(localDay(before)).map((r) => r.offset)).toEqual([30]);
    expect(due(localDay(after)).map((r) => r.offset)).toEqual([14]);
  });
});
