import { z } from 'zod';
import { HandshakeCode, IsoDate } from '../../domain/primitives.js';
import { REMINDER_PAGE_MAX, ReminderCount, ReminderPage, ReminderSettings, SnoozeChoice } from '../../domain/reminders.js';
import { SavedFile } from './common.js';
import { read, write } from './define.js';

/** The renderer's local day: reminders fall due on the viewer's calendar, as statuses do. */
const AsOf = { asOf: IsoDate };
const ReminderId = z.string().min(1).max(200);

/** A page of the due list: where it starts and how many, bounded so an answer stays small at any size. */
export const ReminderPageInput = z.strictObject({
  ...AsOf,
  offset: z.number().int('A whole number').min(0, '0 or more').max(10_000_000).default(0),
  limit: z.number().int('A whole number').min(1, 'At least 1').max(REMINDER_PAGE_MAX, `At most ${REMINDER_PAGE_MAX}`).default(50),
});

export const CalendarScope = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('all'), ...AsOf }),
  z.strictObject({ scope: z.literal('license'), licenseId: z.number().int().positive(), ...AsOf }),
  z.strictObject({ scope: z.literal('project'), projectCode: HandshakeCode, ...AsOf }),
]);

/** The .ics written through the platform: its name, how many events, where it went (null: the dialog was closed). */
export const CalendarExport = z.strictObject({ fileName: z.string(), events: z.number().int().min(0), saved: SavedFile.nullable() });

/** Who shows the desktop digest: the operating system (the app), or the page with the browser's permission (the browser host). */
export const DesktopDigestInfo = z.strictObject({ shownBy: z.enum(['system', 'page']), lastDigestOn: IsoDate.nullable() });

export const remindersChannels = {
  'reminders:list': read(ReminderPageInput, ReminderPage),
  'reminders:count': read(z.strictObject(AsOf), ReminderCount),
  'reminders:dismiss': write(z.strictObject({ id: ReminderId, ...AsOf }), ReminderCount),
  'reminders:snooze': write(z.strictObject({ id: ReminderId, choice: SnoozeChoice, ...AsOf }), ReminderCount),
  'reminders:settings': read(z.undefined(), ReminderSettings),
  'reminders:updateSettings': write(ReminderSettings, ReminderSettings),
  'reminders:calendar': read(CalendarScope, CalendarExport),
  'reminders:desktop': read(z.undefined(), DesktopDigestInfo),
} as const;
