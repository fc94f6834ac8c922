import { differenceInCalendarDays } from 'date-fns';
import { createEvents, type Alarm, type DateArray, type EventAttributes } from 'ics';
import type { ReminderSettings } from '../../../../shared/domain/reminders.js';
import { localDate } from '../../../../shared/status/time.js';
import { AppError } from '../../errors.js';
import { orderByDate, productSchedule, reminderDay } from './schedule.js';

/** What a calendar event needs to know about one license item. */
export interface CalendarLicense {
  itemId: string;
  productCode: string;
  product: string;
  alias: string | null;
  projectCode: string | null;
  expiresOn: string;
  quota: string;
}

const MINUTES_PER_DAY = 24 * 60;
/** Each license gives an order-by and an expiry event. */
export const EVENTS_PER_LICENSE = 2;

const dateArray = (day: string): DateArray => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};

const nextDay = (day: string): DateArray => {
  const d = localDate(day);
  d.setDate(d.getDate() + 1);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
};

/**
 * An alarm `daysBefore` calendar days before an all-day event, at the digest time of day. Relative to
 * the event's start (its local midnight). ics writes a duration of whole days as "P7DT", which RFC 5545's
 * grammar does not allow (a T needs a time after it), so whole days are written as hours.
 */
function alarmAt(daysBefore: number, digestTime: string, description: string, day: string): Alarm {
  const [h, m] = digestTime.split(':').map(Number) as [number, number];
  const total = daysBefore * MINUTES_PER_DAY - (h * 60 + m);
  if (total === 0) {
    // Midnight on the day itself: a zero duration cannot be written, so the alarm is the start instant.
    const start = localDate(day);
    return { action: 'display', description, trigger: [start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate(), start.getUTCHours(), start.getUTCMinutes()] };
  }
  const before = total > 0;
  const abs = Math.abs(total);
  const rest = abs % MINUTES_PER_DAY;
  // Whole days only when a time part follows them, so the duration is always a valid one.
  const days = rest === 0 ? 0 : Math.floor(abs / MINUTES_PER_DAY);
  const minutes = abs - days * MINUTES_PER_DAY;
  return { action: 'display', description, trigger: { before, days, hours: Math.floor(minutes / 60), minutes: minutes % 60 } };
}

/**
 * The order-by event's alarms fall on the days the app itself reminds (`reminderDay`): an offset that
 * lands on a Saturday or Sunday rings on the Friday before, so the calendar never wakes anyone at the
 * weekend for a deadline counted in business days. The words say the true number of days left.
 */
function orderByAlarms(orderBy: string, offsets: readonly number[], digestTime: string, name: string): Alarm[] {
  // Two offsets that both move to one Friday (1 and 2 days before a Monday) ring once.
  const daysBefore = [...new Set(offsets.map((o) => differenceInCalendarDays(localDate(orderBy), localDate(reminderDay(orderBy, o)))))];
  return daysBefore.map((n) => {
    const text = n === 0 ? `Order the renewal of ${name} today` : n === 1 ? `1 day to order the renewal of ${name}` : `${n} days to order the renewal of ${name}`;
    return alarmAt(n, digestTime, text, orderBy);
  });
}

function describe(l: CalendarLicense, leadTimeDays: number, orderBy: string): string {
  return [
    `License: ${l.product}, item ${l.itemId}${l.alias ? ` (${l.alias})` : ''}, ${l.quota}`,
    `Project: ${l.projectCode ?? 'none'}`,
    `Expires: ${l.expiresOn} (last day of use)`,
    `Order by: ${orderBy}, ${leadTimeDays} business days of procurement lead time before expiry`,
  ].join('\n');
}

/**
 * Two all-day events per license: the order-by date, with an alarm at each reminder offset, and the
 * expiry day. UIDs name the item and the kind of event only, not its date, so importing a later export
 * moves the same events (a changed expiry, a new lead time) instead of adding copies; a renewal is a
 * new item and gets its own events.
 */
export function calendarEvents(licenses: readonly CalendarLicense[], settings: ReminderSettings, stamp: Date): EventAttributes[] {
  const timestamp = stamp.getTime();
  const events: EventAttributes[] = [];
  for (const l of licenses) {
    const { leadTimeDays, offsets } = productSchedule(settings, l.productCode);
    const orderBy = orderByDate(l.expiresOn, leadTimeDays);
    const description = describe(l, leadTimeDays, orderBy);
    const name = l.alias ? `${l.product} (${l.alias})` : l.product;
    events.push({
      uid: `order-by-${l.itemId}@license-desk`,
      title: `Order renewal: ${name}`,
      description,
      start: dateArray(orderBy),
      end: nextDay(orderBy),
      lastModified: timestamp,
      transp: 'TRANSPARENT',
      categories: ['License Desk', 'Renewal'],
      alarms: orderByAlarms(orderBy, offsets, settings.digestTime, name),
    });
    events.push({
      uid: `expiry-${l.itemId}@license-desk`,
      title: `License expires: ${name}`,
      description,
      start: dateArray(l.expiresOn),
      end: nextDay(l.expiresOn),
      lastModified: timestamp,
      transp: 'TRANSPARENT',
      categories: ['License Desk', 'Expiry'],
      alarms: [alarmAt(0, settings.digestTime, `${name} expires today`, l.expiresOn)],
    });
  }
  return events;
}

export function calendarFile(licenses: readonly CalendarLicense[], settings: ReminderSettings, stamp: Date): string {
  if (licenses.length === 0) throw new AppError('NOT_FOUND', 'No active license with an expiry date to put in a calendar.');
  const { error, value } = createEvents(calendarEvents(licenses, settings, stamp), { productId: '-//License Desk//Reminders//EN', calName: 'License Desk renewals' });
  if (error || !value) throw new AppError('INTERNAL', `The calendar file could not be written: ${error?.message ?? 'no output'}`);
  return value;
}
