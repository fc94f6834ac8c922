import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, createSenderGuard } from '../../../electron/core/ipc/sender-guard.js';

describe('createSenderGuard([APP_ORIGIN])', () => {
  const guard = createSenderGuard([APP_ORIGIN]);

  it.each(['app://license-desk/index.html', 'app://license-desk/', 'app://license-desk/index.html#/licenses?x=1'])('trusts %s', (url) => {
    expect(guard({ url, isMainFrame: true })).toBe(true);
  });

  it.each([
    'app://other/index.html',
    'http://license-desk/index.html',
    'https://license-desk/index.html',
    'app://license-desk.evil/index.html',
    'app://evil.license-desk/index.html',
    'app://user@license-desk/index.html',
    'app://:pw@license-desk/index.html',
    'app://license-desk:1/index.html',
    'file:///license-desk/index.html',
    'app:license-desk/index.html',
    'not a url',
    '',
    'about:blank',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    expect(guard({ url, isMainFrame: true })).toBe(false);
  });

  it('refuses a subframe even on the right origin', () => {
    expect(guard({ url: 'app://license-desk/index.html', isMainFrame: false })).toBe(false);
  });

  it('matches the port exactly for http origins', () => {
    const http = createSenderGuard([{ protocol: 'http:', host: '127.0.0.1:4173' }]);
    expect(http({ url: 'http://127.0.0.1:4173/', isMainFrame: true })).toBe(true);
    expect(http({ url: 'http://127.0.0.1:4174/', isMainFrame: true })).toBe(false);
    expect(http({ url: 'http://127.0.0.1/', isMainFrame: true })).toBe(false);
    expect(http({ url: 'http://localhost:4173/', isMainFrame: true })).toBe(false);
    expect(http({ url: 'https://127.0.0.1:4173/', isMainFrame: true })).toBe(false);
  });

  it('an empty allow-list trusts nobody', () => {
    expect(createSenderGuard([])({ url: 'app://license-desk/index.html', isMainFrame: true })).toBe(false);
  });
});
