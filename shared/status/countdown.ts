import { addDays, startOfDay } from 'date-fns';
import { daysLeft, expiryInstant } from './time.js';

export interface Countdown {
  /** True from `expiryInstant` on: expiry is a hard stop, with no grace. */
  expired: boolean;
  /** Milliseconds until the stop; zero or negative once expired. */
  totalMs: number;
  /**
   * Before expiry: whole calendar days left (`daysLeft`), with `hours`/`minutes` the rest of today, so
   * days + rest of today is exactly the time left. After expiry: calendar days since the day usage
   * stopped (0 on that day), with hours and minutes 0.
   */
  days: number;
  hours: number;
  minutes: number;
  /** "123 days", "1 day", "5 h 07 min" on the last day; "Expired today", "Expired yesterday", "Expired 3 days ago". */
  label: string;
}

const MINUTE_MS = 60_000;

/**
 * A countdown to `expiryInstant(expiresOn)`. The day count is in calendar days, so it agrees with
 * `daysLeft` and the amber/red bands and only changes at midnight. Only on the last day, when days are
 * too coarse, does the label switch to hours and minutes.
 */
export function countdown(expiresOn: string, now: Date): Countdown {
  const totalMs = expiryInstant(expiresOn).getTime() - now.getTime();
  const left = daysLeft(expiresOn, now);

  if (totalMs <= 0) {
    // daysLeft is -1 on the day the license stopped (the day after expiresOn), so that day reads "today".
    const since = -left - 1;
    const label = since === 0 ? 'Expired today' : since === 1 ? 'Expired yesterday' : `Expired ${since} days ago`;
    return { expired: true, totalMs, days: since, hours: 0, minutes: 0, label };
  }

  // The next local midnight, not now + 24 h: the rest of today is 23 or 25 hours on DST days. startOfDay
  // last, because on a day whose midnight was skipped the day starts at 01:00, and that must not carry over.
  const restOfTodayMs = startOfDay(addDays(now, 1)).getTime() - now.getTime();
  // Rounded up so the label never reads "0 h 00 min" while the license still works.
  const restMinutes = Math.ceil(restOfTodayMs / MINUTE_MS);
  const hours = Math.floor(restMinutes / 60);
  const minutes = restMinutes % 60;
  const label =
    left >= 1 ? `${left} ${left === 1 ? 'day' : 'days'}` : `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return { expired: false, totalMs, days: left, hours, minutes, label };
}

/** The days before expiry on which Dynamsoft e-mails renewal reminders (docs/domain-notes.md §4.3), latest last. */
export const REMINDER_DAYS: readonly number[] = Object.freeze([90, 60, 30, 14, 7, 0]);

/**
 * The next reminder milestone that has not passed yet, counting today's as not passed (so on the day
 * the 30-day e-mail arrives this returns 30). Null once the license has expired: no reminders follow.
 */
export function nextReminder(expiresOn: string, now: Date): number | null {
  const left = daysLeft(expiresOn, now);
  if (left < 0) return null;
  // REMINDER_DAYS is descending, so the first milestone not after today is the nearest coming one.
  return REMINDER_DAYS.find((milestone) => milestone <= left) ?? null;
}
