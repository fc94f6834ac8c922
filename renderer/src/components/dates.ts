import { isValid, parseISO } from 'date-fns';
import { dayWordsOf } from '../../../shared/status/date-words';

/**
 * One date format for the whole UI: the viewer's locale, with the month in words so 03/04 can never
 * be read two ways; a day in the words of shared/status/date-words.ts, which the main side's reminder and
 * forecast sentences use too. Exports keep ISO dates (see electron/core/services/licenses/export.ts).
 */
const DATE_TIME = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const DATE_TIME_SECONDS = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * Formatted days, by their stored text: a list's rows repeat the same few thousand dates, and parsing
 * and formatting one costs more than the rest of its cell (the license list formats three per row on
 * every answer). Cleared when full rather than evicted one by one: a day is cheap to format again.
 */
const formattedDays = new Map<string, string>();
const FORMATTED_DAYS_MAX = 5000;

/** "Jul 10, 2026" (en-US), "10 Jul 2026" (en-GB) for a stored yyyy-MM-dd date, read as a local day. */
export function formatDate(iso: string): string {
  let text = formattedDays.get(iso);
  if (text === undefined) {
    const d = parseISO(iso);
    text = isValid(d) ? dayWordsOf(d) : iso;
    if (formattedDays.size >= FORMATTED_DAYS_MAX) formattedDays.clear();
    formattedDays.set(iso, text);
  }
  return text;
}

/** A stored timestamp in the viewer's local time and locale; `seconds` where entries a second apart must read apart (the audit log). */
export function formatDateTime(iso: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const d = parseISO(iso);
  return isValid(d) ? (seconds ? DATE_TIME_SECONDS : DATE_TIME).format(d) : iso;
}

const LONG_DATE = new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });

/** "Tuesday, March 5, 2030" (en-US), "Tuesday 5 March 2030" (en-GB): a day heading. */
export function formatLongDate(iso: string): string {
  const d = parseISO(iso);
  return isValid(d) ? LONG_DATE.format(d) : iso;
}
