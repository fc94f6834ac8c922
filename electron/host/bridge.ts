import { CHANNEL_NAMES } from '../../shared/ipc/channels.js';
import { EVENT_SUBSCRIBERS } from '../../shared/ipc/event-names.js';

const OPEN_DIGEST_EVENT = EVENT_SUBSCRIBERS.onOpenDigest;

export const TOKEN_HEADER = 'x-license-desk-token';
export const IPC_PATH = '/__host/ipc/';
export const BRIDGE_PATH = '/__host/bridge.js';
/** Server-sent events: EventSource cannot send headers, so the token travels as ?token= here. */
export const EVENTS_PATH = '/__host/events';
/** The calls' WebSocket (electron/host/socket.ts); the token travels as ?token= here too. */
export const SOCKET_PATH = '/__host/socket';
/** Larger calls (an import's file) go over HTTP, which answers an oversized one with its message. */
export const SOCKET_MAX_MESSAGE = 1024 * 1024;
/** A host-only event: a notification for the page to show, where the browser permits. */
export const NOTIFY_EVENT = 'host:notify';

/**
 * The browser host's stand-in for the preload: the same surface (one frozen function per channel,
 * nothing generic), carried over HTTP. The token arrives once in the page URL (`?token=`), is kept
 * in sessionStorage for reloads, and is removed from the address bar at once. Calls go over one
 * WebSocket, opened on the first call (over HTTP when the socket cannot open, or for a call too large
 * for it); each is recorded as a User Timing measure `ipc <channel>` with the host's share in its
 * detail. Events arrive over one EventSource, opened on the first subscription; each `onX` returns
 * its own unsubscribe.
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
  const NO_ANSWER = { ok: false, error: { code: 'INTERNAL', message: 'The preview host did not answer. Is it still running?' } };
  async function overHttp(channel, input) {
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
      return NO_ANSWER;
    }
  }
  const pending = new Map();
  let nextId = 1;
  let opening = null;
  let openSocket = null;
  // A socket that never opened (refused, or blocked on the way) is not tried again: HTTP serves.
  let socketRefused = false;
  let measures = 0;
  function socket() {
    if (opening) return opening;
    opening = new Promise((resolve) => {
      let ws;
      try {
        ws = new WebSocket((location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host + ${JSON.stringify(SOCKET_PATH)} + '?token=' + encodeURIComponent(token));
      } catch (e) {
        socketRefused = true;
        opening = null;
        return resolve(null);
      }
      let opened = false;
      ws.onopen = () => {
        opened = true;
        openSocket = ws;
        resolve(ws);
      };
      ws.onmessage = (e) => {
        const at = performance.now();
        let m;
        try { m = JSON.parse(e.data); } catch { return; }
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        // Kept bounded: nothing else in the page reads measures, and a long session makes many calls.
        if (++measures > 1000) { performance.clearMeasures(); measures = 0; }
        try { performance.measure('ipc ' + p.channel, { start: p.started, end: at, detail: { hostMs: m.hostMs } }); } catch {}
        p.resolve(m.result);
      };
      ws.onclose = () => {
        if (!opened) socketRefused = true;
        opening = null;
        openSocket = null;
        // Calls in flight when the host went away: a write among them may or may not have been made.
        for (const p of pending.values()) p.resolve(NO_ANSWER);
        pending.clear();
        resolve(null);
      };
    });
    return opening;
  }
  async function call(channel, input) {
    if (socketRefused) return overHttp(channel, input);
    const id = nextId++;
    const message = JSON.stringify({ id, channel, input });
    if (message.length > ${SOCKET_MAX_MESSAGE / 3} && new TextEncoder().encode(message).length > ${SOCKET_MAX_MESSAGE}) return overHttp(channel, input);
    // On an open socket the call goes out now, inside the caller's task: a search keystroke's request
    // then leaves before React re-renders for the keystroke, not after (as an await would have it).
    const ws = openSocket || (await socket());
    if (!ws || ws.readyState !== WebSocket.OPEN) return overHttp(channel, input);
    return new Promise((resolve) => {
      pending.set(id, { resolve, channel, started: performance.now() });
      ws.send(message);
    });
  }
  const api = {};
  for (const channel of ${JSON.stringify(CHANNEL_NAMES)}) api[channel] = Object.freeze((input) => call(channel, input));
  const listeners = new Map();
  let source = null;
  function connect() {
    if (source) return;
    source = new EventSource(${JSON.stringify(EVENTS_PATH)} + '?token=' + encodeURIComponent(token));
    for (const name of listeners.keys()) {
      source.addEventListener(name, (e) => {
        let payload;
        try { payload = JSON.parse(e.data); } catch { return; }
        for (const l of [...listeners.get(name)]) { try { l(payload); } catch (err) { console.error(err); } }
      });
    }
    // Shown only where the user allowed it (Settings asks, never the page on load); else the bell alone.
    // A click brings the tab forward and opens the digest, as the app's notification click does.
    source.addEventListener(${JSON.stringify(NOTIFY_EVENT)}, (e) => {
      try {
        const n = JSON.parse(e.data);
        if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
        const shown = new Notification(n.title, { body: n.body, tag: 'license-desk-digest' });
        shown.onclick = () => {
          window.focus();
          shown.close();
          if (typeof n.digestDay !== 'string') return;
          for (const l of [...(listeners.get(${JSON.stringify(OPEN_DIGEST_EVENT)}) || [])]) { try { l({ day: n.digestDay }); } catch (err) { console.error(err); } }
        };
      } catch {}
    });
  }
  for (const [method, name] of Object.entries(${JSON.stringify(EVENT_SUBSCRIBERS)})) {
    listeners.set(name, new Set());
    api[method] = Object.freeze((listener) => {
      listeners.get(name).add(listener);
      connect();
      return () => { listeners.get(name).delete(listener); };
    });
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
