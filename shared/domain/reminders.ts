import { z } from 'zod';
import { REMINDER_DAYS } from '../status/countdown.js';
import { IsoDate, Timestamp } from './primitives.js';

/** Reminder offsets: whole days before the order-by date, each at most once, latest (largest) first. */
export const ReminderOffsets = z
  .array(z.number().int('Whole days only').min(0, '0 or more').max(365, 'At most 365 days'))
  .min(1, 'At least one reminder')
  .max(12, 'At most 12 reminders')
  .refine((o) => new Set(o).size === o.length, 'Each offset once')
  .transform((o) => [...o].sort((a, b) => b - a));

/** Business days from "start the purchase" to "the renewal is in place": quote, approval, PO, vendor processing. */
export const LeadTimeDays = z.number().int('Whole business days only').min(0, '0 or more').max(120, 'At most 120 business days');

export const DigestTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use the form HH:MM (24-hour)');

/** A product whose procurement takes longer (or shorter) than the default, or that wants other offsets. */
export const ProductReminderOverride = z.strictObject({
  productCode: z.string().trim().regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'Choose a product'),
  leadTimeDays: LeadTimeDays,
  offsets: ReminderOffsets.nullable(),
});
export type ProductReminderOverride = z.infer<typeof ProductReminderOverride>;

export const ReminderSettings = z.strictObject({
  leadTimeDays: LeadTimeDays,
  offsets: ReminderOffsets,
  /** Local time of day at which the desktop digest goes out, at most once a day. */
  digestTime: DigestTime,
  desktopNotifications: z.boolean(),
  /** A renewal order that has been Sent this many days without an answer gets a follow-up reminder. */
  followUpDays: z.number().int().min(1, 'At least 1 day').max(90, 'At most 90 days'),
  overrides: z.array(ProductReminderOverride).max(200),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

/**
 * 10 business days: a quote, an internal approval and a purchase order processed by hand (issue 12).
 * The offsets are the vendor's own reminder days (docs/domain-notes.md §4.3), counted here back from the
 * order-by date instead of from expiry.
 */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = Object.freeze({
  leadTimeDays: 10,
  offsets: [...REMINDER_DAYS],
  digestTime: '09:00',
  desktopNotifications: true,
  followUpDays: 7,
  overrides: [],
});

export const REMINDER_KINDS = ['order-by', 'late', 'expiry', 'quota-80', 'quota-100', 'quota-forecast', 'order-follow-up'] as const;
export const ReminderKind = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof ReminderKind>;

/** Where a reminder's item leads: the license, its open renewal order, or the renew wizard. */
export const ReminderTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('license'), licenseId: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('order'), orderId: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('renew'), licenseId: z.number().int().positive() }),
]);
export type ReminderTarget = z.infer<typeof ReminderTarget>;

/** One reminder that is due: shown in the notifications centre under the digest of `dueOn`. */
export const Reminder = z.strictObject({
  /** Stable for one occurrence (license, kind, offset, expiry date): what dismiss and snooze remember. */
  id: z.string().min(1).max(200),
  kind: ReminderKind,
  licenseId: z.number().int().positive(),
  itemId: z.string(),
  product: z.string(),
  alias: z.string().nullable(),
  projectCode: z.string().nullable(),
  /** The day this reminder fell due, or the day its snooze ended. */
  dueOn: IsoDate,
  expiresOn: IsoDate.nullable(),
  orderBy: IsoDate.nullable(),
  offset: z.number().int().nullable(),
  /** The day the next reminder for the same license falls due (what "until the next reminder" snoozes to). */
  nextOn: IsoDate.nullable(),
  title: z.string(),
  detail: z.string(),
  target: ReminderTarget,
});
export type Reminder = z.infer<typeof Reminder>;

/** One day's digest: everything that fell due that day, newest day first in a list. */
export const ReminderDigest = z.strictObject({ day: IsoDate, reminders: z.array(Reminder) });
export type ReminderDigest = z.infer<typeof ReminderDigest>;

/** How many reminders each digest day holds, newest day first: the whole list's outline, small at any size. */
export const ReminderDay = z.strictObject({ day: IsoDate, count: z.number().int().min(1) });
export type ReminderDay = z.infer<typeof ReminderDay>;

/** The most one page of the notifications centre asks for. */
export const REMINDER_PAGE_MAX = 200;

/**
 * One page of what is due: reminders `offset` to `offset + limit` of the whole list (newest day first),
 * grouped by day, with the total and every day's count so a page knows where each digest begins.
 */
export const ReminderPage = z.strictObject({
  count: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(REMINDER_PAGE_MAX),
  days: z.array(ReminderDay),
  digests: z.array(ReminderDigest),
});
export type ReminderPage = z.infer<typeof ReminderPage>;

/** What the bell needs: how many are due, per kind, and the newest digest day. */
export const ReminderCount = z.strictObject({
  count: z.number().int().min(0),
  byKind: z.record(ReminderKind, z.number().int().min(0)),
  newestDay: IsoDate.nullable(),
});
export type ReminderCount = z.infer<typeof ReminderCount>;

export const SNOOZE_CHOICES = ['day', 'week', 'next'] as const;
export const SnoozeChoice = z.enum(SNOOZE_CHOICES);
export type SnoozeChoice = z.infer<typeof SnoozeChoice>;

export const ReminderDecision = z.strictObject({
  id: z.string(),
  action: z.enum(['dismissed', 'snoozed']),
  until: IsoDate.nullable(),
  at: Timestamp,
});
export type ReminderDecision = z.infer<typeof ReminderDecision>;
