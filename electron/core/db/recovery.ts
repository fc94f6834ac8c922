import path from 'node:path';
import { restoreBackup, type StoreOpenFailure } from './store.js';

export type RecoveryAction = 'restore' | 'fresh' | 'quit';

export interface RecoveryPrompt {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  actions: RecoveryAction[];
}

/**
 * What to ask after a failed open. A damaged file has already been moved aside, never deleted, so
 * every choice here is safe; restoring the newest verified backup is offered first when one exists.
 * A newer-version file gets no choice but to quit: it is left exactly as it was.
 */
export function recoveryPrompt(failure: StoreOpenFailure): RecoveryPrompt {
  if (failure.kind === 'newer') {
    return { title: 'License Desk', message: 'This data needs a newer License Desk', detail: failure.message, buttons: ['Quit'], actions: ['quit'] };
  }
  if (failure.kind === 'foreign') {
    return { title: 'License Desk', message: "The data file is another program's", detail: failure.message, buttons: ['Quit'], actions: ['quit'] };
  }
  if (failure.kind === 'unwritable') {
    return { title: 'License Desk', message: 'License Desk cannot update its data file', detail: failure.message, buttons: ['Quit'], actions: ['quit'] };
  }
  const latest = failure.backups[0];
  const detail = `${failure.message}${latest ? `\n\nThe newest backup is ${path.basename(latest)}.` : '\n\nNo backup was found.'}`;
  return latest
    ? { title: 'License Desk', message: 'The license data file is damaged', detail, buttons: ['Restore the newest backup', 'Start with empty data', 'Quit'], actions: ['restore', 'fresh', 'quit'] }
    : { title: 'License Desk', message: 'The license data file is damaged', detail, buttons: ['Start with empty data', 'Quit'], actions: ['fresh', 'quit'] };
}

/** Carries out the choice; the caller then opens the store again (unless it was 'quit'). */
export function applyRecovery(dataDir: string, failure: StoreOpenFailure, action: RecoveryAction): void {
  if (action === 'restore' && failure.kind === 'corrupt' && failure.backups[0]) restoreBackup(dataDir, failure.backups[0]);
}
