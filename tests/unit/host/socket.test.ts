import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSocketServer } from '../../../electron/host/socket.js';
import { SOCKET_MAX_MESSAGE, SOCKET_PATH } from '../../../electron/host/bridge.js';
import { hostHarness } from './host-harness.js';

const { start } = hostHarness();

type Host = Awaited<ReturnType<typeof start>>;

/** A socket as the bridge opens it; `headers` overrides what a browser on the page would send. */
function connect(host: Host, opts: { token?: string; headers?: Record<string, string>; path?: string } = {}): Promise<WebSocket> {
  const url = `${host.origin.replace('http', 'ws')}${opts.path ?? SOCKET_PATH}?token=${encodeURIComponent(opts.token ?? host.token)}`;
  const ws = new WebSocket(url, { headers: { origin: host.origin, ...opts.headers } });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, channel: string, input?: unknown): Promise<{ id: number; result: { ok: boolean; value?: unknown; error?: { code: string } }; hostMs: number }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as { id: number };
      if (m.id !== id) return;
      ws.off('message', onMessage);
      resolve(m as never);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, input }));
  });
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

describe('the browser host’s call socket', () => {
  it('answers calls with the same envelope as HTTP, by id, with the host’s share of the time', async () => {
    const host = await start();
    const ws = await connect(host);
    const [info, unknown, invalid] = await Promise.all([call(ws, 1, 'app:info'), call(ws, 2, 'no:such'), call(ws, 3, 'licenses:get', 'x')]);
    expect(info.result.ok).toBe(true);
    expect(info.result.value).toMatchObject({ version: '0.0.0-test' });
    expect(info.hostMs).toBeGreaterThanOrEqual(0);
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(invalid.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    ws.close();
  });

  it('refuses the handshake without the token, from another origin, naming another host, or on another path', async () => {
    const host = await start();
    await expect(connect(host, { token: 'wrong' })).rejects.toThrow('refused 401');
    await expect(connect(host, { headers: { origin: 'http://evil.example' } })).rejects.toThrow('refused 403');
    await expect(connect(host, { headers: { host: 'attacker.example:80' } })).rejects.toThrow('refused 421');
    await expect(connect(host, { path: '/__host/other' })).rejects.toThrow('refused 404');
  });

  it('closes on a message that is not a call, and on one over the size limit', async () => {
    const host = await start();
    const a = await connect(host);
    const aClosed = closed(a);
    a.send('not json');
    expect(await aClosed).toBe(1007);

    const b = await connect(host);
    const bClosed = closed(b);
    b.send(JSON.stringify({ id: 1, channel: 'app:info', input: 'x'.repeat(SOCKET_MAX_MESSAGE) }));
    expect(await bClosed).toBe(1009);
    // The host still answers a new socket.
    const c = await connect(host);
    expect((await call(c, 1, 'app:info')).result.ok).toBe(true);
    c.close();
  });
});

describe('a call that escapes the router', () => {
  it('is answered INTERNAL and logged by channel only, and the socket keeps serving', async () => {
    const logs: string[] = [];
    let origin = '';
    const sockets = createSocketServer({
      log: (m) => logs.push(m),
      origin: () => origin,
      tokenMatches: (t) => t === 'tok',
      sender: () => ({ url: `${origin}/`, isMainFrame: true }),
      dispatch: async (channel) => {
        if (channel === 'boom') throw new Error('kaput');
        return { ok: true, value: channel };
      },
    });
    const server = http.createServer();
    server.on('upgrade', (req, socket, head) => sockets.upgrade(req, socket, head));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ws = await connect({ origin, token: 'tok' } as Host);
      expect((await call(ws, 1, 'boom', { secret: 'DLS2eyJzZWNyZXQ' })).result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect((await call(ws, 2, 'fine')).result).toEqual({ ok: true, value: 'fine' });
      expect(logs).toEqual(['[host] boom failed on the socket: kaput']);
      ws.close();
    } finally {
      sockets.close();
      server.close();
    }
  });
});
