import type { AppCommandName } from '../../../shared/ipc/events';

/**
 * Where a command from the application menu is carried out: Settings is a page of its own; the
 * others (New, Import…, Export…, Find) act on the Licenses page, which is opened first if needed.
 */
export function commandTarget(command: AppCommandName, currentPage: string): { page: 'settings' | 'licenses'; navigate: boolean; pending: AppCommandName | null } {
  if (command === 'settings') return { page: 'settings', navigate: currentPage !== 'settings', pending: null };
  return { page: 'licenses', navigate: currentPage !== 'licenses', pending: command };
}
