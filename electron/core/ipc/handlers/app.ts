import type { RestoreOffer } from '../../../../shared/domain/backups.js';
import type { appChannels } from '../../../../shared/ipc/contract/app.js';
import type { HandlersFor } from './types.js';

export interface AppInfo {
  version: string;
  dataDir: string;
  schemaVersion: number;
  /** Messages for the user about this start, shown as a banner. */
  notices: readonly string[];
  /** The newest sound backup, offered at start when the data file was empty or damaged. */
  restoreOffer?: RestoreOffer | null;
}

export function appHandlers(appInfo: () => AppInfo): HandlersFor<typeof appChannels> {
  return { 'app:info': () => ({ ...appInfo(), notices: [...appInfo().notices], restoreOffer: appInfo().restoreOffer ?? null }) };
}
