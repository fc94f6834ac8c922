import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../../electron/core/platform/static-files.js';
import { IPC_PATH, TOKEN_HEADER } from '../../../electron/host/bridge.js';
import { hostHarness, raw, type TestHost } from './host-harness.js';

const { tmp, start } = hostHarness();

/** A POST with the token; a connection the host resets answers status 0 with the error's code. */
function post(host: TestHost, pathName: string, body: string | Buffer): Promise<{ status: number; body: string; error?: string }> {
  const headers = { [TOKEN_HEADER]: host.token, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  return raw(host.origin, pathName, { method: 'POST', headers, body }).catch((err: NodeJS.ErrnoException) => ({ status: 0, body: '', error: err.code ?? err.message }));
}

describe('the static file server', () => {
  it('does not follow a symlink out of the renderer folder, but serves one that stays inside', () => {
    const base = tmp.make();
    const root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'ok');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'leak.txt'));
    fs.symlinkSync(base, path.join(root, 'up'));
    fs.symlinkSync(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
    expect(resolveStaticFile(root, '/leak.txt')).toBeNull();
    expect(resolveStaticFile(root, '/up/secret.txt')).toBeNull();
    expect(resolveStaticFile(root, '/alias.js')).toBe(fs.realpathSync(path.join(root, 'assets', 'app.js')));
  });
});

describe('the browser host', () => {
  it('answers 400, not 500, to a malformed %-escape in the channel path', async () => {
    const host = await start();
    const r = await post(host, `${IPC_PATH}licenses%E0%A4%A:list`, '{}');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'The channel name is not valid.' } });
  });

  it('answers 413 to a body over the limit, instead of resetting the connection', async () => {
    const host = await start();
    const r = await post(host, `${IPC_PATH}import:preview`, Buffer.alloc(140 * 1024 * 1024, 0x20));
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'The request is too large.' } });
  });

  it('dashboard:summary with a date in year 9999 is refused as input, not an internal error', async () => {
    const host = await start();
    const r = await post(host, `${IPC_PATH}dashboard:summary`, JSON.stringify({ input: { asOf: '9999-06-01' } }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'asOf', message: expect.stringMatching(/between/) }] } });
    const ok = await post(host, `${IPC_PATH}dashboard:summary`, JSON.stringify({ input: { asOf: '9998-12-31' } }));
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
  });
});
