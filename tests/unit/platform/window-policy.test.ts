import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  DEFAULT_BOUNDS,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isValidBounds,
  openExternalSafely,
  windowOptions,
} from '../../../electron/main/window-policy.js';

describe('windowOptions', () => {
  const opts = windowOptions('/opt/License Desk/resources/app.asar/dist/preload/index.js', DEFAULT_BOUNDS);
  const prefs = opts.webPreferences as Record<string, unknown>;

  it('locks the renderer down', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.preload).toBe('/opt/License Desk/resources/app.asar/dist/preload/index.js');
  });

  it('uses the bounds given and starts hidden', () => {
    expect(opts).toMatchObject({ width: 1440, height: 880, show: false, minWidth: 900, minHeight: 600 });
    expect(windowOptions('/p.js', { width: 1000, height: 700, x: 5, y: 6 })).toMatchObject({ width: 1000, height: 700, x: 5, y: 6 });
  });
});

describe('isAllowedNavigation', () => {
  it('allows only the app entry page', () => {
    expect(APP_ENTRY_URL).toBe('app://license-desk/index.html');
    expect(isAllowedNavigation('app://license-desk/index.html')).toBe(true);
    expect(isAllowedNavigation('app://license-desk/index.html#/licenses/3')).toBe(true);
  });

  it.each([
    'app://license-desk/',
    'app://license-desk/other.html',
    'app://license-desk.evil/index.html',
    'app://other/index.html',
    'http://license-desk/index.html',
    'https://www.dynamsoft.com/index.html',
    'file:///index.html',
    'javascript:alert(1)',
    'data:text/html,<p>x</p>',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each(['https://www.dynamsoft.com/x', 'https://dynamsoft.com/', 'https://www.dynamsoft.com/customer/license?a=1#b', 'mailto:sales%40dynamsoft.com?subject=PO%201&body=Hello%0D%0Athere', 'mailto:sales@dynamsoft.com'])('accepts %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://www.dynamsoft.com/x',
    'https://evil.com/x',
    'https://www.dynamsoft.com.evil.com/x',
    'https://evil.com/www.dynamsoft.com',
    'https://sub.dynamsoft.com/x',
    'https://user@www.dynamsoft.com/x',
    'https://www.dynamsoft.com@evil.com/x',
    'https://user:pw@www.dynamsoft.com/x',
    'https://www.dynamsoft.com:8443/x',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://www.dynamsoft.com/share',
    'ms-msdt:/id PCWDiagnostic',
    'data:text/html,hi',
    'https://www.dynamsoft.com/' + 'a'.repeat(2100),
    '',
    'www.dynamsoft.com/x',
    'mailto:sales@dynamsoft.com?bcc=spy@evil.example',
    'mailto:a@x.example,b@y.example',
    'mailto:?body=no-recipient',
    'mailto:not-an-address',
  ])('rejects %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it.each([[undefined], [null], [42], [{ toString: () => 'https://www.dynamsoft.com/' }], [['https://www.dynamsoft.com/']], [new URL('https://www.dynamsoft.com/')]])(
    'rejects the non-string %j',
    (value) => {
      expect(isAllowedExternalUrl(value)).toBe(false);
    },
  );
});

describe('openExternalSafely', () => {
  it('calls open only for allowed URLs', async () => {
    const open = vi.fn(async (_url: string) => undefined);
    expect(await openExternalSafely('https://www.dynamsoft.com/store', open)).toBe(true);
    expect(await openExternalSafely('https://www.dynamsoft.com.evil.com/', open)).toBe(false);
    expect(await openExternalSafely('file:///etc/passwd', open)).toBe(false);
    expect(await openExternalSafely({ href: 'https://www.dynamsoft.com/' }, open)).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://www.dynamsoft.com/store');
  });

  it('propagates a failing opener', async () => {
    await expect(openExternalSafely('https://dynamsoft.com/', () => Promise.reject(new Error('no browser')))).rejects.toThrow('no browser');
  });
});

describe('isValidBounds', () => {
  it('accepts whole, large-enough sizes only', () => {
    expect(isValidBounds({ width: 1280, height: 820 })).toBe(true);
    expect(isValidBounds({ width: 599, height: 820 })).toBe(false);
    expect(isValidBounds({ width: 1280.5, height: 820 })).toBe(false);
    expect(isValidBounds({ width: '1280', height: 820 })).toBe(false);
    expect(isValidBounds(null)).toBe(false);
    expect(isValidBounds('1280x820')).toBe(false);
  });
});
