import { addBusinessDays, addDays, differenceInBusinessDays, differenceInCalendarDays, format, isWeekend, subBusinessDays, subDays } from 'date-fns';
import { formatQuota, type QuotaMode } from '../../../../shared/domain/quota.js';
import type { Reminder, ReminderKind, ReminderSettings, ReminderTarget } from '../../../../shared/domain/reminders.js';
import { localDate } from '../../../../shared/status/time.js';
import { weekdayWords } from '../../../../shared/status/date-words.js';

/**
 * The reminder schedule, pure: no clock, no database. Days are `YYYY-MM-DD` local calendar days and all
 * arithmetic goes through `localDate` and date-fns' calendar functions, so a DST night (a 23- or 25-hour
 * day) moves nothing, and the "today" a caller passes is the only notion of now.
 */

export interface OpenRenewalOrder {
  id: number;
  state: string;
  /** The day the order went to the vendor; null while it has not been sent. */
  sentOn: string | null;
}

/** What the schedule needs to know about one license item. */
export interface ScheduleLicense {
  id: number;
  itemId: string;
  productCode: string;
  product: string;
  alias: string | null;
  projectCode: string | null;
  activationStatus: 'new' | 'activated';
  expiresOn: string | null;
  renewedById: number | null;
  quotaMode: QuotaMode;
  quotaAmount: number;
  used: number | null;
  usedOn: string | null;
  /** The local day the app first knew the license: a reminder that fell due before that is shown as due that day. */
  knownSince: string;
  /** An open renewal order makes the license "in progress": it then reminds only about the order. */
  openOrder: OpenRenewalOrder | null;
  /** The day the quota forecast says usage reaches the quota, when there is a forecast. */
  quotaRunsOutOn: string | null;
}

export interface Occurrence {
  id: string;
  kind: ReminderKind;
  /** Occurrences of one stream supersede each other: only the latest that has come due is shown. */
  stream: 'term' | 'quota' | 'order';
  on: string;
  offset: number | null;
  orderBy: string | null;
}

export interface Decision {
  action: 'dismissed' | 'snoozed';
  until: string | null;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * A pure function of days, kept per argument list: 100,000 licenses share a few hundred expiry days,
 * and date-fns' parse and format for each of them took most of a second (bench/reminders-bench.ts).
 * Emptied when large, so a long-running app does not grow it without end.
 */
function perDay<A extends (string | number)[], R>(fn: (...args: A) => R): (...args: A) => R {
  const kept = new Map<string, R>();
  return (...args) => {
    const key = args.join('|');
    let r = kept.get(key);
    if (r === undefined) {
      if (kept.size >= 50_000) kept.clear();
      r = fn(...args);
      kept.set(key, r);
    }
    return r;
  };
}

const human = perDay((day: string) => weekdayWords(day));
const calendarDaysBetween = perDay((later: string, earlier: string) => differenceInCalendarDays(localDate(later), localDate(earlier)));
const businessDaysBetween = perDay((later: string, earlier: string) => differenceInBusinessDays(localDate(later), localDate(earlier)));
const businessDayAfter = perDay((day: string) => iso(addBusinessDays(localDate(day), 1)));

/** The local calendar day of an instant. */
export function localDay(instant: Date): string {
  return iso(instant);
}

export const plusDays: (day: string, days: number) => string = perDay((day: string, days: number) => iso(addDays(localDate(day), days)));

/** Lead time and offsets for one product: its override if it has one, else the defaults. */
export function productSchedule(settings: ReminderSettings, productCode: string): { leadTimeDays: number; offsets: number[] } {
  const o = settings.overrides.find((x) => x.productCode === productCode);
  return { leadTimeDays: o?.leadTimeDays ?? settings.leadTimeDays, offsets: o?.offsets ?? settings.offsets };
}

/**
 * The last day a purchase can start and still be in place before the license stops: `leadTimeDays`
 * business days (Monday to Friday) before the expiry day. From a weekend expiry the count starts on the
 * Friday before, as date-fns counts business days.
 */
export const orderByDate: (expiresOn: string, leadTimeDays: number) => string = perDay((expiresOn: string, leadTimeDays: number) => iso(subBusinessDays(localDate(expiresOn), leadTimeDays)));

/**
 * `offset` calendar days before the order-by date. A day that falls on a weekend moves to the Friday
 * before: a reminder counts down to a deadline, so it comes early rather than late.
 */
export const reminderDay: (orderBy: string, offset: number) => string = perDay((orderBy: string, offset: number) => {
  let d = subDays(localDate(orderBy), offset);
  while (isWeekend(d)) d = subDays(d, 1);
  return iso(d);
});

/** Every reminder a license will ever give in its current term, oldest first, per stream. */
export function occurrences(license: ScheduleLicense, settings: ReminderSettings): Occurrence[] {
  if (typeof license.renewedById === 'number' || license.activationStatus !== 'activated') return [];
  const out: Occurrence[] = [];
  const { expiresOn } = license;
  if (license.openOrder) {
    const { id, state, sentOn } = license.openOrder;
    if (state === 'sent' && sentOn) {
      out.push({ id: `order-follow-up:${id}:${sentOn}`, kind: 'order-follow-up', stream: 'order', on: plusDays(sentOn, settings.followUpDays), offset: null, orderBy: null });
    }
  } else if (expiresOn) {
    const { leadTimeDays, offsets } = productSchedule(settings, license.productCode);
    const orderBy = orderByDate(expiresOn, leadTimeDays);
    // The expiry date is part of every id, so a renewed term (a new expiry) starts a fresh schedule and
    // what was dismissed for the old term does not silence the new one.
    const key = `${license.id}:${expiresOn}`;
    for (const offset of offsets) {
      out.push({ id: `order-by:${key}:${offset}`, kind: 'order-by', stream: 'term', on: reminderDay(orderBy, offset), offset, orderBy });
    }
    const late = businessDayAfter(orderBy);
    if (late < expiresOn) out.push({ id: `late:${key}`, kind: 'late', stream: 'term', on: late, offset: null, orderBy });
    out.push({ id: `expiry:${key}`, kind: 'expiry', stream: 'term', on: expiresOn, offset: null, orderBy });
  }
  out.push(...quotaOccurrences(license));
  // Stable sort: on one day, a later entry (a smaller offset, then late, then expiry) supersedes an earlier.
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/**
 * Quota reminders at 80 % and 100 % used (Dynamsoft's own alert levels, docs/domain-notes.md §4.6) and when the
 * forecast runs out before expiry. The quota amount is in the id, so added quota starts afresh.
 */
function quotaOccurrences(license: ScheduleLicense): Occurrence[] {
  const { used, usedOn, quotaAmount, expiresOn } = license;
  if (used === null || !usedOn || quotaAmount <= 0) return [];
  const key = `${license.id}:${quotaAmount}`;
  const out: Occurrence[] = [];
  // Integer comparisons (used*100 >= 80*quota), as in shared/status/quota.ts, so 80 % is never 79.99 %.
  if (used * 100 >= 80 * quotaAmount) out.push({ id: `quota-80:${key}`, kind: 'quota-80', stream: 'quota', on: usedOn, offset: null, orderBy: null });
  const runsOut = license.quotaRunsOutOn;
  if (runsOut && expiresOn && runsOut <= expiresOn && used < quotaAmount) {
    out.push({ id: `quota-forecast:${key}:${expiresOn}`, kind: 'quota-forecast', stream: 'quota', on: usedOn, offset: null, orderBy: null });
  }
  if (used >= quotaAmount) out.push({ id: `quota-100:${key}`, kind: 'quota-100', stream: 'quota', on: usedOn, offset: null, orderBy: null });
  return out;
}

/** Per stream, the latest occurrence that has come due by `today`, and the next one after it. */
export function currentOccurrences(license: ScheduleLicense, settings: ReminderSettings, today: string): { current: Occurrence; next: Occurrence | null }[] {
  const all = occurrences(license, settings);
  const result: { current: Occurrence; next: Occurrence | null }[] = [];
  for (const stream of ['term', 'quota', 'order'] as const) {
    const mine = all.filter((o) => o.stream === stream);
    let current: Occurrence | null = null;
    for (const o of mine) if (o.on <= today) current = o;
    if (!current) continue;
    // Once the license has stopped, its term no longer reminds: the expired status says it all.
    if (stream === 'term' && license.expiresOn && today > license.expiresOn) continue;
    result.push({ current, next: mine.find((o) => o.on > today) ?? null });
  }
  return result;
}

/**
 * What is due on `today`: per license and stream the latest occurrence, unless it was dismissed or is
 * snoozed past today. An older occurrence never comes back once a newer one is due, and a dismissed one
 * stays dismissed, so nothing is reminded twice.
 */
export function dueReminders(licenses: Iterable<ScheduleLicense>, settings: ReminderSettings, today: string, decisions: ReadonlyMap<string, Decision>): Reminder[] {
  const due: Reminder[] = [];
  for (const license of licenses) {
    for (const { current, next } of currentOccurrences(license, settings, today)) {
      const decision = decisions.get(current.id);
      if (decision?.action === 'dismissed') continue;
      if (decision?.action === 'snoozed' && decision.until && decision.until > today) continue;
      const fellDue = current.on > license.knownSince ? current.on : license.knownSince;
      const dueOn = decision?.action === 'snoozed' && decision.until ? decision.until : fellDue < today ? fellDue : today;
      due.push(toReminder(license, settings, current, next, dueOn, today));
    }
  }
  // Newest day first; within a day the most pressing first (what is late or stops work now, then what has
  // a deadline, soonest first, then early warnings), then by id; one order's follow-up has the same id on
  // each of its licenses, so the license decides between those (else the order rows were read in).
  return due.sort((a, b) => cmp(b.dueOn, a.dueOn) || URGENCY[a.kind] - URGENCY[b.kind] || cmp(pressing(a), pressing(b)) || cmp(a.id, b.id) || a.licenseId - b.licenseId);
}

const URGENCY: Record<ReminderKind, number> = { late: 0, expiry: 0, 'quota-100': 1, 'order-by': 2, 'order-follow-up': 2, 'quota-forecast': 3, 'quota-80': 3 };
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const pressing = (r: Reminder): string => r.orderBy ?? r.expiresOn ?? r.dueOn;


/**
 * Where "Open" leads: a follow-up to its order, an order-by or late reminder to the renew wizard (what
 * there is to do is start the renewal), the rest (expiry, quota) to the license.
 */
function reminderTarget(license: ScheduleLicense, kind: ReminderKind): ReminderTarget {
  if (kind === 'order-follow-up' && license.openOrder) return { kind: 'order', orderId: license.openOrder.id };
  if (kind === 'order-by' || kind === 'late') return { kind: 'renew', licenseId: license.id };
  return { kind: 'license', licenseId: license.id };
}

function toReminder(license: ScheduleLicense, settings: ReminderSettings, o: Occurrence, next: Occurrence | null, dueOn: string, today: string): Reminder {
  const { title, detail } = words(license, settings, o, today);
  const target = reminderTarget(license, o.kind);
  return {
    id: o.id,
    kind: o.kind,
    licenseId: license.id,
    itemId: license.itemId,
    product: license.product,
    alias: license.alias,
    projectCode: license.projectCode,
    dueOn,
    expiresOn: license.expiresOn,
    orderBy: o.orderBy,
    offset: o.offset,
    nextOn: next?.on ?? null,
    title,
    detail,
    target,
  };
}

function words(license: ScheduleLicense, settings: ReminderSettings, o: Occurrence, today: string): { title: string; detail: string } {
  const { leadTimeDays } = productSchedule(settings, license.productCode);
  const expires = license.expiresOn ? human(license.expiresOn) : '';
  const used = license.used ?? 0;
  const usage = `${formatQuota(used, license.quotaMode)} of ${formatQuota(license.quotaAmount, license.quotaMode)} used on ${license.usedOn ? human(license.usedOn) : ''}.`;
  switch (o.kind) {
    case 'order-by': {
      const days = calendarDaysBetween(o.orderBy!, today);
      if (days <= 0) return { title: 'Order the renewal today', detail: `Today is the order-by date: ${leadTimeDays} business days of lead time before it expires on ${expires}.` };
      return {
        title: `Order the renewal by ${human(o.orderBy!)}`,
        detail: `${days} ${days === 1 ? 'day' : 'days'} to the order-by date, ${leadTimeDays} business days before it expires on ${expires}.`,
      };
    }
    case 'late': {
      const left = Math.max(0, businessDaysBetween(license.expiresOn!, today));
      return {
        title: 'Late to order the renewal',
        detail: `The order-by date was ${human(o.orderBy!)}. ${left} business ${left === 1 ? 'day is' : 'days are'} left before it expires on ${expires}, fewer than the ${leadTimeDays} a purchase takes.`,
      };
    }
    case 'expiry':
      return { title: 'Expires today', detail: `Last day of use: the license stops at midnight, ${expires}.` };
    case 'quota-80':
      return { title: 'Quota 80 % used', detail: usage };
    case 'quota-100':
      return { title: 'Quota used up', detail: `${usage} Beyond the overuse allowance, requests fail.` };
    case 'quota-forecast':
      return {
        title: 'Quota runs out before expiry',
        detail: `At the recorded rate the quota runs out on ${human(license.quotaRunsOutOn!)}, before the license expires on ${expires}. ${usage}`,
      };
    case 'order-follow-up': {
      const sent = license.openOrder?.sentOn ?? today;
      const waited = calendarDaysBetween(today, sent);
      return { title: 'Follow up the renewal order', detail: `Sent to the vendor on ${human(sent)}, with no answer for ${waited} days.` };
    }
  }
}

/** The day a snooze ends: tomorrow, in a week, or when the license's next reminder falls due. */
export function snoozeUntil(choice: 'day' | 'week' | 'next', today: string, nextOn: string | null): string | null {
  if (choice === 'day') return plusDays(today, 1);
  if (choice === 'week') return plusDays(today, 7);
  return nextOn;
}
