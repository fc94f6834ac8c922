import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DIR_NAME, dataDirIn, defaultUserDataDir } from '../../../electron/core/platform/paths.js';

// path.join is the host's path module; the function under test uses the same, so expectations match on any OS.
const HOME = path.join(path.sep, 'home', 'ann');

describe('defaultUserDataDir', () => {
  it('win32 uses APPDATA, or falls back to ~/AppData/Roaming', () => {
    const appData = path.join(path.sep, 'Users', 'ann', 'AppData', 'Roaming');
    expect(defaultUserDataDir('win32', { APPDATA: appData }, HOME)).toBe(path.join(appData, 'License Desk'));
    expect(defaultUserDataDir('win32', {}, HOME)).toBe(path.join(HOME, 'AppData', 'Roaming', 'License Desk'));
  });

  it('darwin uses ~/Library/Application Support and ignores XDG', () => {
    expect(defaultUserDataDir('darwin', { XDG_CONFIG_HOME: '/xdg' }, HOME)).toBe(path.join(HOME, 'Library', 'Application Support', 'License Desk'));
  });

  it('linux uses ~/.config without XDG_CONFIG_HOME', () => {
    expect(defaultUserDataDir('linux', {}, HOME)).toBe(path.join(HOME, '.config', 'License Desk'));
  });

  it('linux uses XDG_CONFIG_HOME when set', () => {
    const xdg = path.join(path.sep, 'srv', 'cfg');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: xdg }, HOME)).toBe(path.join(xdg, 'License Desk'));
    expect(defaultUserDataDir('freebsd', { XDG_CONFIG_HOME: xdg }, HOME)).toBe(path.join(xdg, 'License Desk'));
  });

  // Electron (Chromium's GetXDGDirectory) treats an empty XDG_CONFIG_HOME as unset; a relative
  // result would put the browser host's data under the current working directory.
  it('linux treats an empty XDG_CONFIG_HOME as unset (always an absolute path)', () => {
    const dir = defaultUserDataDir('linux', { XDG_CONFIG_HOME: '' }, HOME);
    expect(dir).toBe(path.join(HOME, '.config', 'License Desk'));
    expect(path.isAbsolute(dir)).toBe(true);
  });

  it('defaults to the running platform and environment', () => {
    expect(path.basename(defaultUserDataDir())).toBe(APP_DIR_NAME);
  });
});

describe('dataDirIn', () => {
  it('is the data subfolder', () => {
    expect(dataDirIn(path.join(HOME, '.config', 'License Desk'))).toBe(path.join(HOME, '.config', 'License Desk', 'data'));
  });
});
