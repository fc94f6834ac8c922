/**
 * Date parsing for imported files. Licenses expire on calendar days (primitives.ts IsoDate), so every
 * accepted spelling is reduced to `YYYY-MM-DD` and any time or zone part is dropped rather than
 * converted: the day the portal printed is the day we keep.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

// An optional clock part after a date ("2026-07-10T00:00:00Z", "7/10/2026 0:00", "2026-07-10 13:05:00 +08:00").
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2})?)?`;

const ISO_LIKE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
const NUMERIC_DMY_OR_MDY = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, 'i');
const WEEKDAY_PREFIX = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Builds the ISO string if the parts name a real calendar day (so 2026-02-30 is rejected, not rolled over). */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  // A license date outside this range is a typo, not a date worth storing.
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // year is four digits here.
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

// Two-digit years come from spreadsheets formatting "7/10/26"; every Dynamsoft license is from this century.
function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/**
 * Parses the date spellings found in portal lists, spreadsheets and JSON exports into `YYYY-MM-DD`.
 *
 * - `2026-07-10`, `2026/07/10`, `2026.7.10`, and ISO date-times (the date part is kept as written).
 * - Slashed or dashed numbers are US month/day/year, like the portal and US Excel, unless the first
 *   number is over 12, which can only be a day ("31/07/2026").
 * - Dotted numbers (`10.07.2026`) are always day.month.year: nobody writes US dates with dots.
 * - Month names: "July 10, 2026", "Jul 10 2026", "10 Jul 2026", "10-Jul-2026", "Friday, July 10th, 2026".
 *
 * Returns null for anything else, including impossible days such as 2026-02-30.
 */
const PLAIN_ISO = /^\d{4}-\d{2}-\d{2}$/;

export function parseFlexibleDate(s: string): string | null {
  // The usual cell, "2026-07-10", read without the general clean-up below (same result).
  if (s.length === 10 && PLAIN_ISO.test(s)) return isoFromParts(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
  const t = s.trim().replace(/\s+/g, ' ');
  if (t === '' || t.length > 64) return null;

  const iso = ISO_LIKE.exec(t);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[3]), Number(iso[4]));

  const num = NUMERIC_DMY_OR_MDY.exec(t);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[3]);
    const year = fullYear(num[4] ?? '');
    if (num[2] === '.') return isoFromParts(year, b, a);
    return a > 12 ? isoFromParts(year, b, a) : isoFromParts(year, a, b);
  }

  return parseMonthNameDate(t);
}

function parseMonthNameDate(t: string): string | null {
  if (!/[a-z]/i.test(t)) return null;
  const words = t
    .toLowerCase()
    .replace(WEEKDAY_PREFIX, '')
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1')
    .replace(/[,.\-/]/g, ' ')
    .trim()
    .split(/\s+/);
  if (words.length !== 3) return null;
  const [w0, w1, w2] = words as [string, string, string];
  if (!/^(\d{4}|\d{2})$/.test(w2)) return null;
  const year = fullYear(w2);
  // "July 10 2026"
  if (MONTHS[w0] !== undefined && /^\d{1,2}$/.test(w1)) return isoFromParts(year, MONTHS[w0], Number(w1));
  // "10 July 2026"
  if (MONTHS[w1] !== undefined && /^\d{1,2}$/.test(w0)) return isoFromParts(year, MONTHS[w1], Number(w0));
  return null;
}
