import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'License Desk';

/**
 * The folder Electron's app.getPath('userData') gives for this product, computed without Electron
 * so the browser host defaults to the same place. Our data goes in its `data` subfolder, away from
 * Chromium's own folders (docs/engineering-notes.md §S2). An empty variable counts as unset, as XDG specifies.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_DIR_NAME);
}

export function dataDirIn(userDataDir: string): string {
  return path.join(userDataDir, 'data');
}
