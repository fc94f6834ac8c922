import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Dispatch, SenderInfo } from '../core/ipc/router.js';
import { SOCKET_MAX_MESSAGE, SOCKET_PATH } from './bridge.js';

export interface SocketOptions {
  log?: (message: string) => void;
  /** `http://127.0.0.1:port`, known once the server listens. */
  origin(): string;
  tokenMatches(given: string): boolean;
  dispatch: Dispatch;
  sender(): SenderInfo;
}

/** One call from the page: `{ id, channel, input }`; answered with `{ id, result, hostMs }`. */
interface CallMessage {
  id: number;
  channel: string;
  input?: unknown;
}

function readCall(data: RawData): CallMessage | null {
  try {
    const msg = JSON.parse(data.toString()) as Partial<CallMessage> | null;
    if (typeof msg !== 'object' || msg === null || !Number.isSafeInteger(msg.id) || typeof msg.channel !== 'string') return null;
    return msg as CallMessage;
  } catch {
    return null;
  }
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The IPC contract over one WebSocket per page, beside the HTTP route. Chromium's fetch costs a few
 * milliseconds per request on its own (measured here: about 8 ms a round trip under load, against 2 ms
 * for a message on an open socket), and a search keystroke makes one call, so the socket is what
 * keeps the browser host's answers close to Electron's IPC. The handshake is held to the same
 * checks as a request: this host by name (against DNS rebinding), the page's own origin (a browser
 * always sends one on a WebSocket) and the per-run token, as `?token=` since the browser's
 * WebSocket cannot send headers. Messages over SOCKET_MAX_MESSAGE close the socket; the bridge sends
 * such calls (a large import) over HTTP, which answers them with its size message.
 */
export function createSocketServer(options: SocketOptions): { upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void; close(): void } {
  const server = new WebSocketServer({ noServer: true, maxPayload: SOCKET_MAX_MESSAGE, perMessageDeflate: false });

  const answer = async (ws: WebSocket, call: CallMessage) => {
    const started = performance.now();
    const result = await options.dispatch(call.channel, call.input, options.sender());
    // The host's share of the call, for the page's timeline (the benchmark splits a keystroke by it).
    const hostMs = Math.round((performance.now() - started) * 100) / 100;
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: call.id, result, hostMs }));
  };

  const serve = (ws: WebSocket) => {
    // A message over the limit or a broken frame: ws closes the socket itself (1009, 1002) and reports
    // it here; without a listener the error would be thrown and take the host down.
    ws.on('error', () => undefined);
    ws.on('message', (data) => {
      const call = readCall(data);
      // Only the bridge talks here; anything else is not a page of ours speaking.
      if (!call) return ws.close(1007, 'Each message is one call: {id, channel, input}.');
      // The router answers every failure with an envelope; anything escaping it is logged by channel
      // only (never the input) and answered, so the page is not left waiting.
      answer(ws, call).catch((err: unknown) => {
        options.log?.(`[host] ${call.channel} failed on the socket: ${err instanceof Error ? err.message : String(err)}`);
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: call.id, result: { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside License Desk.' } }, hostMs: 0 }));
      });
    });
  };

  return {
    upgrade(req, socket, head) {
      const origin = options.origin();
      const url = new URL(req.url ?? '/', origin);
      if (req.headers.host !== new URL(origin).host) return refuse(socket, 421, 'Misdirected Request');
      if (url.pathname !== SOCKET_PATH) return refuse(socket, 404, 'Not Found');
      const given = url.searchParams.get('token');
      if (given === null || !options.tokenMatches(given)) return refuse(socket, 401, 'Unauthorized');
      if (req.headers.origin !== origin) return refuse(socket, 403, 'Forbidden');
      server.handleUpgrade(req, socket, head, serve);
    },
    close() {
      for (const ws of server.clients) ws.terminate();
      server.close();
    },
  };
}
