import { addDays, differenceInCalendarDays, startOfDay } from 'date-fns';
import type { LicenseItem } from '../domain/license.js';
import { assertStatusSettings, DEFAULT_STATUS_SETTINGS, type StatusSettings } from './settings.js';

/** The fields of a license item that decide its time dimension. */
export type TimeInput = Pick<LicenseItem, 'activationStatus' | 'expiresOn' | 'renewedById' | 'term'>;

export type TimeState =
  | 'not-activated'
  | 'active'
  | 'expiring-amber'
  | 'expiring-red'
  | 'expired'
  | 'renewed'
  | 'no-expiry';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Local midnight at the start of a `YYYY-MM-DD` day. Not `new Date('2026-07-10')`: that parses as UTC
 * midnight, which is the previous evening west of Greenwich and would shift every expiry by a day.
 */
export function localDate(isoDate: string): Date {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(isoDate)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Validate in UTC (as IsoDate does) so the answer does not depend on the zone: Date would silently roll
  // 2026-02-30 over to March 2, and a moved expiry date is worse than an error.
  const utc = new Date(Date.UTC(2000, 0, 1));
  utc.setUTCFullYear(y, mo - 1, d);
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) {
    throw new RangeError(`Not a real calendar date: ${isoDate}`);
  }
  const date = new Date(2000, 0, 1);
  // setFullYear, not the Date constructor, because the constructor maps years 0–99 to 1900–1999.
  date.setFullYear(y, mo - 1, d);
  date.setHours(0, 0, 0, 0);
  return date;
}

/**
 * The instant usage stops: the start of the day after `expiresOn`, in the user's local time zone. The
 * portal's "License valid till July 10, 2026" means usable all of July 10. There is no grace after it
 * (docs/domain-notes.md §4.6: the 7-day grace existed only in the 2021 docs), so this is a hard stop.
 * `addDays` moves by calendar days, so a DST change that night does not shift the stop by an hour. The
 * outer `startOfDay` matters where a midnight is skipped (DST starting at 00:00): `expiresOn` itself then
 * starts at 01:00, and adding a day to that would carry the 01:00 into the next, normal day.
 */
export function expiryInstant(expiresOn: string): Date {
  return startOfDay(addDays(localDate(expiresOn), 1));
}

/**
 * Whole calendar days from today (local) to `expiresOn`: 0 on the expiry day itself (still usable),
 * -1 on the first day the license no longer works. Calendar days rather than 24-hour periods so the
 * number only changes at midnight and is the same all day, DST or not.
 */
export function daysLeft(expiresOn: string, now: Date): number {
  return differenceInCalendarDays(localDate(expiresOn), now);
}

/**
 * The time dimension of a license item, checked in this order:
 * 1. `renewed`: a superseded item is history, whatever its dates say.
 * 2. `not-activated`: the year of an annual license starts at activation, so a stored `expiresOn` on a
 *    new item is not yet meaningful and is ignored.
 * 3. No `expiresOn`: `no-expiry` for lifetime licenses (they do not stop; only maintenance lapses).
 *    An annual item without a date is missing data, not perpetual, so it is `active` rather than being
 *    labelled "no expiry"; `daysLeft` is null for it so the UI can flag the gap.
 * 4. Otherwise by date: `expired` from `expiryInstant` on, then red, amber (inclusive thresholds on
 *    `daysLeft`), else `active`. A lifetime item with a date is judged by that date: someone entered it,
 *    and over-warning is cheaper than a surprise stop.
 */
export function timeState(item: TimeInput, now: Date, settings: StatusSettings = DEFAULT_STATUS_SETTINGS): TimeState {
  assertStatusSettings(settings);
  // typeof rather than !== null so a caller that omits the field (undefined) is not read as renewed.
  if (typeof item.renewedById === 'number') return 'renewed';
  if (item.activationStatus !== 'activated') return 'not-activated';
  if (item.expiresOn === null) return item.term === 'lifetime' ? 'no-expiry' : 'active';
  if (now.getTime() >= expiryInstant(item.expiresOn).getTime()) return 'expired';
  const left = daysLeft(item.expiresOn, now);
  if (left <= settings.redDays) return 'expiring-red';
  if (left <= settings.amberDays) return 'expiring-amber';
  return 'active';
}
