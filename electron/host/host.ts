import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { IMPORT_MAX_BYTES } from '../../shared/domain/import.js';
import { startCore, type Core } from '../core/core.js';
import type { SenderInfo } from '../core/ipc/router.js';
import { createSenderGuard } from '../core/ipc/sender-guard.js';
import { CSP_NONCE_PLACEHOLDER, contentSecurityPolicy } from '../core/platform/csp.js';
import { serveRendererFile } from '../core/platform/static-files.js';
import { BRIDGE_PATH, EVENTS_PATH, IPC_PATH, NOTIFY_EVENT, TOKEN_HEADER, bridgeScript } from './bridge.js';
import { createHostPlatform, defaultSaveFolder } from './platform.js';
import { createSocketServer } from './socket.js';

export interface HostOptions {
  dataDir: string;
  rendererDir: string;
  appVersion: string;
  port?: number;
  log?: (message: string) => void;
  /** Where saved files go; null or absent for the user's Downloads folder. */
  saveFolder?: string | null;
}

export interface RunningHost {
  url: string; // includes the one-time ?token=
  origin: string;
  core: Core;
  close(): Promise<void>;
}

// Room for the largest import file (shared/domain/import.ts) as a JSON string: quotes and line
// breaks are escaped to two bytes each, so twice the file plus the rest of the request. A file a
// little over the limit still reaches the import schema and gets its "Files over 64 MB" message.
const MAX_BODY = 2 * IMPORT_MAX_BYTES + 1024 * 1024;

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, csp = contentSecurityPolicy(null), extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    ...extra,
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Over the limit, the rest is read and dropped rather than the socket destroyed: a reset would
    // reach the client before the 413 it should get.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => (size > MAX_BODY ? reject(new Error('too large')) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * A loopback stand-in for the Electron main process: the same core and router, the renderer served
 * as static files, the IPC contract over HTTP. Requests must carry the per-run token, name this
 * exact host (against DNS rebinding) and, when the browser sends an Origin, come from it.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = crypto.randomBytes(24).toString('base64url');
  let origin = '';
  let guard: ((s: SenderInfo) => boolean) | null = null;
  const streams = new Set<http.ServerResponse>();
  /** Sends an event to every open page; false when no page is open to hear it. */
  const push = (name: string, payload: unknown): boolean => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
    return streams.size > 0;
  };
  // The folder named in Settings (kept in the store), read on every save once the core has started.
  let chosenFolder: () => string | null = () => null;
  const core = await startCore({
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    checkOutputs: true,
    isTrustedSender: (s) => guard?.(s) ?? false,
    log: options.log,
    platform: createHostPlatform({
      saveFolder: () => chosenFolder(),
      // --save-folder stands in for Downloads as the default; a folder named in Settings wins over both.
      fallbackFolder: () => options.saveFolder ?? defaultSaveFolder(),
      notify: (n) => push(NOTIFY_EVENT, n),
    }),
  });
  chosenFolder = () => core.chosenSaveFolder();
  core.events.subscribe((name, payload) => void push(name, payload));
  // A comment line now and then keeps idle connections (and proxies) from timing the stream out.
  const keepAlive = setInterval(() => {
    for (const res of streams) res.write(': keep-alive\n\n');
  }, 15_000);
  keepAlive.unref();

  // The page is read per request (it is tiny) so a rebuilt renderer is served without restarting the host.
  const withBridge = (html: string) => html.replace('<script', `<script src=".${BRIDGE_PATH}" nonce="${CSP_NONCE_PLACEHOLDER}"></script>\n    <script`);

  // The token, host and origin checks identify the caller as our page; it is the main frame.
  const sender = () => ({ url: `${origin}/`, isMainFrame: true });
  const sockets = createSocketServer({ log: options.log, origin: () => origin, tokenMatches: (given) => tokensEqual(given, token), dispatch: core.dispatch, sender });

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (req.headers.host !== new URL(origin).host) return send(res, 421, 'Wrong host', 'text/plain');

      if (url.pathname.startsWith(IPC_PATH)) {
        if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain');
        const given = req.headers[TOKEN_HEADER];
        if (typeof given !== 'string' || !tokensEqual(given, token)) return send(res, 401, 'Missing or wrong token', 'text/plain');
        if (req.headers.origin !== undefined && req.headers.origin !== origin) return send(res, 403, 'Wrong origin', 'text/plain');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only', 'text/plain');
        let payload: unknown;
        try {
          payload = JSON.parse(await readBody(req));
        } catch (err) {
          const message = (err as Error).message === 'too large' ? 'The request is too large.' : 'The request body is not JSON.';
          return send(res, (err as Error).message === 'too large' ? 413 : 400, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message } }), 'application/json');
        }
        let channel: string;
        try {
          channel = decodeURIComponent(url.pathname.slice(IPC_PATH.length));
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'The channel name is not valid.' } }), 'application/json');
        }
        const input = typeof payload === 'object' && payload !== null ? (payload as { input?: unknown }).input : undefined;
        const started = performance.now();
        const result = await core.dispatch(channel, input, sender());
        const body = JSON.stringify(result);
        // The host's share of a request, for the page's Resource Timing (the benchmark splits a
        // keystroke's request into this and the transport). Durations only, never names or payloads.
        const serverTiming = `core;dur=${(performance.now() - started).toFixed(2)}`;
        return send(res, 200, body, 'application/json', undefined, { 'server-timing': serverTiming });
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only', 'text/plain');
      if (url.pathname === EVENTS_PATH) {
        const given = url.searchParams.get('token');
        if (given === null || !tokensEqual(given, token)) return send(res, 401, 'Missing or wrong token', 'text/plain');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        // A digest that came due while no page was open is shown to the first page that connects.
        core.desktop.check();
        return;
      }
      if (url.pathname === BRIDGE_PATH) return send(res, 200, bridgeScript(), 'text/javascript; charset=utf-8');
      const file = serveRendererFile(options.rendererDir, url.pathname, withBridge);
      return send(res, file.status, file.body, file.headers['content-type'], file.headers['content-security-policy']);
    })().catch((err: unknown) => {
      options.log?.(`[host] request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
    });
  });

  server.on('upgrade', (req, socket, head) => sockets.upgrade(req, socket, head));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  guard = createSenderGuard([{ protocol: 'http:', host: `127.0.0.1:${port}` }]);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    core,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(keepAlive);
        for (const res of streams) res.end();
        streams.clear();
        sockets.close();
        server.closeAllConnections();
        server.close(() => void core.close().then(resolve));
      }),
  };
}
