import { z } from 'zod';
import { HandshakeCode, IsoDate } from '../../domain/primitives.js';
import { ReminderList, ReminderSettings, SnoozeChoice } from '../../domain/reminders.js';
import { SavedFile } from './common.js';
import { read, write } from './define.js';

/** The renderer's local day: reminders fall due on the viewer's calendar, as statuses do. */
const AsOf = { asOf: IsoDate };
const ReminderId = z.string().min(1).max(200);

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
  'reminders:list': read(z.strictObject(AsOf), ReminderList),
  'reminders:dismiss': write(z.strictObject({ id: ReminderId, ...AsOf }), ReminderList),
  'reminders:snooze': write(z.strictObject({ id: ReminderId, choice: SnoozeChoice, ...AsOf }), ReminderList),
  'reminders:settings': read(z.undefined(), ReminderSettings),
  'reminders:updateSettings': write(ReminderSettings, ReminderSettings),
  'reminders:calendar': read(CalendarScope, CalendarExport),
  'reminders:desktop': read(z.undefined(), DesktopDigestInfo),
} as const;
