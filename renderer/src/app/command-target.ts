import type { AppCommandName } from '../../../shared/ipc/events';

/**
 * Where a command from the application menu or a shortcut is carried out: Settings is a page of its own; the
 * others (New, Import…, Export…, Find) act on the Licenses page, which is opened first if needed.
 */
export function commandTarget(command: AppCommandName, currentPage: string): { page: 'settings' | 'licenses' | null; navigate: boolean; pending: AppCommandName | null } {
  // The shortcuts dialog belongs to the app shell, over whichever page is open.
  if (command === 'shortcuts') return { page: null, navigate: false, pending: null };
  if (command === 'settings') return { page: 'settings', navigate: currentPage !== 'settings', pending: null };
  return { page: 'licenses', navigate: currentPage !== 'licenses', pending: command };
}
