import { CHANNEL_NAMES } from '../../shared/ipc/channels.js';

export const TOKEN_HEADER = 'x-license-desk-token';
export const IPC_PATH = '/__host/ipc/';
export const BRIDGE_PATH = '/__host/bridge.js';

/**
 * The browser host's stand-in for the preload: the same surface (one frozen function per channel,
 * nothing generic), carried over HTTP. The token arrives once in the page URL (`?token=`), is kept
 * in sessionStorage for reloads, and is removed from the address bar at once.
 */
export function bridgeScript(): string {
  return `(() => {
  'use strict';
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('license-desk-token', fromUrl);
    params.delete('token');
    const q = params.toString();
    history.replaceState(null, '', location.pathname + (q ? '?' + q : '') + location.hash);
  }
  const token = sessionStorage.getItem('license-desk-token') || '';
  async function call(channel, input) {
    try {
      const res = await fetch(${JSON.stringify(IPC_PATH)} + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: token },
        body: JSON.stringify({ input }),
      });
      if (!res.ok && res.headers.get('content-type') !== 'application/json') {
        return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'The preview host refused the request (' + res.status + ').' } };
      }
      return await res.json();
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: 'The preview host did not answer. Is it still running?' } };
    }
  }
  const api = {};
  for (const channel of ${JSON.stringify(CHANNEL_NAMES)}) api[channel] = Object.freeze((input) => call(channel, input));
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
