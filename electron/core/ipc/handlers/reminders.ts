import type { remindersChannels } from '../../../../shared/ipc/contract/reminders.js';
import type { Services } from '../../services/index.js';
import type { HandlersFor } from './types.js';

export function remindersHandlers(s: Pick<Services, 'reminders'>): HandlersFor<typeof remindersChannels> {
  return {
    'reminders:list': (input) => s.reminders.list(input),
    'reminders:count': ({ asOf }) => s.reminders.count(asOf),
    'reminders:dismiss': (input) => s.reminders.dismiss(input),
    'reminders:snooze': (input) => s.reminders.snooze(input),
    'reminders:settings': () => s.reminders.settings(),
    'reminders:updateSettings': (input) => s.reminders.updateSettings(input),
    'reminders:calendar': ({ asOf, ...scope }) => s.reminders.calendar(scope, asOf),
    'reminders:desktop': () => s.reminders.desktop(),
  };
}
