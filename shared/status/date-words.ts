import { localDate } from './time.js';

/**
 * Dates as people read them, in the locale of whoever runs the code (the renderer: the viewer's; the
 * main process: the system's): the month in words, so 03/04 can never be read two ways. Shared so that
 * sentences built on the main side (reminders, forecasts) read like the dates the UI shows. Files that
 * other programs read (CSV, .ics) keep ISO dates.
 */
const DAY = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const WEEKDAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });

/** "Jul 10, 2026" (en-US), "10 Jul 2026" (en-GB) for a yyyy-MM-dd day; the input itself if it is not one. */
export function dayWords(isoDay: string): string {
  return words(DAY, isoDay);
}

/** "Fri, Jul 10, 2026" (en-US), "Fri 10 Jul 2026" (en-GB): a deadline, where the weekday matters. */
export function weekdayWords(isoDay: string): string {
  return words(WEEKDAY, isoDay);
}

/** The same words for a Date already in hand (the renderer's stored timestamps shown as their day). */
export function dayWordsOf(date: Date): string {
  return DAY.format(date);
}

function words(f: Intl.DateTimeFormat, isoDay: string): string {
  try {
    return f.format(localDate(isoDay));
  } catch {
    return isoDay;
  }
}
