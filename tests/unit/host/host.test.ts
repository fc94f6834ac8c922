import { describe, expect, it } from 'vitest';
import { CSP_NONCE_PLACEHOLDER, contentSecurityPolicy } from '../../../electron/core/platform/csp.js';
import { BRIDGE_PATH, IPC_PATH, TOKEN_HEADER } from '../../../electron/host/bridge.js';
import { hostHarness, raw } from './host-harness.js';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels.js';
import { FIXED_AS_OF, newLicenseInput } from '../../fixtures/builders.js';

const { tmp, rendererDir, start: startWith } = hostHarness();
const start = (dataDir = tmp.make('license-desk-data-'), renderer = rendererDir()) => startWith({ dataDir, rendererDir: renderer });

function ipc(host: { origin: string; token: string }, channel: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}${IPC_PATH}${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify({ input }),
  });
}

describe('browser host', () => {
  it('listens on loopback and GET / serves the page with the bridge tag and a CSP header', async () => {
    const host = await start();
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    // A fresh nonce per page, the same in the header and on the page's csp-nonce tag.
    const nonce = /<meta property="csp-nonce" nonce="([^"]+)">/.exec(html)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy(nonce!));
    expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
    const again = await (await fetch(`${host.origin}/index.html`)).text();
    expect(again).not.toContain(nonce);
    expect(html).toContain(`<script src=".${BRIDGE_PATH}" nonce="${nonce}"></script>`);
    expect(html.indexOf(BRIDGE_PATH)).toBeLessThan(html.indexOf('src="./x.js"'));
    expect(html).not.toContain(host.token);
  });

  it('serves other renderer files and 404s outside them', async () => {
    const host = await start();
    const js = await fetch(`${host.origin}/x.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export const x = 1;\n');
    expect((await raw(host.origin, '/../secret')).status).toBe(404);
    expect((await raw(host.origin, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('refuses IPC without the token, or with a wrong one (401)', async () => {
    const host = await start();
    const none = await fetch(`${host.origin}${IPC_PATH}licenses:list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { asOf: FIXED_AS_OF } }),
    });
    expect(none.status).toBe(401);
    expect((await ipc({ origin: host.origin, token: 'x'.repeat(32) }, 'licenses:list', { asOf: FIXED_AS_OF })).status).toBe(401);
    expect((await ipc({ origin: host.origin, token: `${host.token}x` }, 'licenses:list', { asOf: FIXED_AS_OF })).status).toBe(401);
    expect((await ipc({ origin: host.origin, token: '' }, 'licenses:list', { asOf: FIXED_AS_OF })).status).toBe(401);
  });

  it('refuses a request naming another Host (421), even with the token', async () => {
    const host = await start();
    const res = await raw(host.origin, `${IPC_PATH}licenses:list`, {
      method: 'POST',
      headers: { host: 'evil.example', 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify({ input: { asOf: FIXED_AS_OF } }),
    });
    expect(res.status).toBe(421);
    expect((await raw(host.origin, '/', { headers: { host: 'evil.example' } })).status).toBe(421);
  });

  it('refuses a foreign Origin (403), even with the token', async () => {
    const host = await start();
    const res = await raw(host.origin, `${IPC_PATH}licenses:list`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify({ input: { asOf: FIXED_AS_OF } }),
    });
    expect(res.status).toBe(403);
    const same = await raw(host.origin, `${IPC_PATH}licenses:list`, {
      method: 'POST',
      headers: { origin: host.origin, 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify({ input: { asOf: FIXED_AS_OF } }),
    });
    expect(same.status).toBe(200);
    expect(JSON.parse(same.body)).toEqual({ ok: true, value: { total: 0, rows: [] } });
  });

  it('answers a valid call with the envelope', async () => {
    const host = await start();
    const res = await ipc(host, 'licenses:list', { asOf: FIXED_AS_OF });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ ok: true, value: { total: 0, rows: [] } });
  });

  it('an unknown channel is an UNKNOWN_CHANNEL envelope', async () => {
    const host = await start();
    const res = await ipc(host, 'licenses:drop', {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; error: { code: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('a body that is not JSON is a 400; a non-JSON content type is a 415; GET on IPC is a 405', async () => {
    const host = await start();
    const bad = await fetch(`${host.origin}${IPC_PATH}licenses:list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{"input": ',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
    const text = await fetch(`${host.origin}${IPC_PATH}licenses:list`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: host.token },
      body: '{}',
    });
    expect(text.status).toBe(415);
    expect((await fetch(`${host.origin}${IPC_PATH}licenses:list`)).status).toBe(405);
  });

  it('invalid input comes back as INVALID_INPUT with issues', async () => {
    const host = await start();
    const body = (await (await ipc(host, 'licenses:get', { id: -1 })).json()) as { ok: boolean; error: { code: string; issues: { path: string }[] } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.issues.map((i) => i.path)).toEqual(['id']);
  });

  it('bridge.js exposes every channel and carries no token', async () => {
    const host = await start();
    const res = await fetch(`${host.origin}${BRIDGE_PATH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const js = await res.text();
    for (const channel of CHANNEL_NAMES) expect(js).toContain(`"${channel}"`);
    expect(js).not.toContain(host.token);
  });

  it('data persists across a close and restart on the same dataDir', async () => {
    const dataDir = tmp.make('license-desk-data-');
    const renderer = rendererDir();
    const first = await start(dataDir, renderer);
    const created = (await (await ipc(first, 'licenses:create', newLicenseInput({ itemId: '424242' }))).json()) as { ok: boolean };
    expect(created.ok).toBe(true);
    await first.close();

    const second = await start(dataDir, renderer);
    expect(second.token).not.toBe(first.token);
    const listed = (await (await ipc(second, 'licenses:list', { asOf: FIXED_AS_OF })).json()) as { ok: true; value: { total: number; rows: { itemId: string }[] } };
    expect(listed.value.total).toBe(1);
    expect(listed.value.rows.map((r) => r.itemId)).toEqual(['424242']);
    // the first run's token no longer works
    expect((await ipc({ origin: second.origin, token: first.token }, 'licenses:list', { asOf: FIXED_AS_OF })).status).toBe(401);
  });
});
