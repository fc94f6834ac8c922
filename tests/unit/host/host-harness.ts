import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { CSP_NONCE_PLACEHOLDER } from '../../../electron/core/platform/csp.js';
import { startHost, type HostOptions, type RunningHost } from '../../../electron/host/host.js';
import { TempDirs } from '../../fixtures/builders.js';

export type TestHost = RunningHost & { token: string };

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Browser hosts on loopback for one suite, each over its own data folder and a small renderer folder,
 * closed with their folders after each test.
 */
export function hostHarness() {
  const tmp = new TempDirs();
  const hosts: RunningHost[] = [];
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.close()));
    tmp.cleanup();
  });

  /** A renderer folder whose page carries the nonce tag the host fills in, and the script it names. */
  function rendererDir(): string {
    const dir = tmp.make('license-desk-renderer-');
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      `<!doctype html>\n<html><head><title>t</title><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"></head><body>\n    <script type="module" src="./x.js"></script>\n</body></html>\n`,
    );
    fs.writeFileSync(path.join(dir, 'x.js'), 'export const x = 1;\n');
    return dir;
  }

  async function start(options: Partial<HostOptions> = {}): Promise<TestHost> {
    const host = await startHost({ dataDir: tmp.make('license-desk-data-'), rendererDir: rendererDir(), appVersion: '0.0.0-test', ...options });
    const token = new URL(host.url).searchParams.get('token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // A test may close a host itself (to restart on the same folder); the clean-up then waits for that close.
    const close = host.close.bind(host);
    let closed: Promise<void> | null = null;
    const test = Object.assign(host, { token: token!, close: () => (closed ??= close()) });
    hosts.push(test);
    return test;
  }

  return { tmp, rendererDir, start };
}

/** node:http, so Host and Origin can be set freely; a refused or reset connection rejects. */
export function raw(origin: string, pathName: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawResponse> {
  const u = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: pathName, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
