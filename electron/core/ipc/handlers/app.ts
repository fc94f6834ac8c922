import type { appChannels } from '../../../../shared/ipc/contract/app.js';
import type { HandlersFor } from './types.js';

export interface AppInfo {
  version: string;
  dataDir: string;
  schemaVersion: number;
}

export function appHandlers(appInfo: () => AppInfo): HandlersFor<typeof appChannels> {
  return { 'app:info': () => appInfo() };
}
