import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CSP_NONCE_PLACEHOLDER, contentSecurityPolicy, pageWithNonce, withCspMeta } from '../../../electron/core/platform/csp.js';
import { serveRendererFile } from '../../../electron/core/platform/static-files.js';
import { TempDirs } from '../../fixtures/builders.js';

const tmp = new TempDirs();
afterEach(() => tmp.cleanup());

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('is strict: scripts and styles by nonce, no inline or eval allowance anywhere', () => {
    const policy = contentSecurityPolicy('abc123');
    const d = directives(policy);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'nonce-abc123'", "'strict-dynamic'"]);
    expect(d.get('style-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-/);
  });

  it('pageWithNonce replaces every placeholder', () => {
    expect(pageWithNonce(`a ${CSP_NONCE_PLACEHOLDER} b ${CSP_NONCE_PLACEHOLDER}`, 'N')).toBe('a N b N');
  });

  it('leaves frame-ancestors out of the meta form (browsers ignore it there) and nonces out of non-page responses', () => {
    expect(directives(contentSecurityPolicy('n', 'meta')).has('frame-ancestors')).toBe(false);
    expect(directives(contentSecurityPolicy(null)).get('style-src')).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy(null)).get('script-src')).toEqual(["'none'"]);
  });

  it('the build writes the same policy into index.html, with the placeholder the hosts replace', () => {
    const transform = withCspMeta;
    const source = fs.readFileSync(path.resolve(__dirname, '../../../renderer/index.html'), 'utf8');
    const built = transform(source);
    expect(built).toContain(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(CSP_NONCE_PLACEHOLDER, 'meta')}" />`);
    expect(source).not.toContain('Content-Security-Policy');
    expect(() => transform('<html><head></head></html>')).toThrow(/charset/);
  });
});

describe('serveRendererFile', () => {
  function root(): string {
    const dir = tmp.make('license-desk-renderer-');
    fs.writeFileSync(path.join(dir, 'index.html'), `<meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><style nonce="${CSP_NONCE_PLACEHOLDER}"></style>`);
    fs.writeFileSync(path.join(dir, 'a.js'), 'x');
    return dir;
  }

  it('serves the page with a fresh nonce, the same in the header and every placeholder', () => {
    const dir = root();
    const one = serveRendererFile(dir, '/');
    const two = serveRendererFile(dir, '/index.html');
    const nonce = /nonce="([^"]+)"/.exec(String(one.body))?.[1];
    expect(nonce).toBeTruthy();
    expect(String(one.body)).toBe(`<meta property="csp-nonce" nonce="${nonce}"><style nonce="${nonce}"></style>`);
    expect(one.headers['content-security-policy']).toBe(contentSecurityPolicy(nonce!));
    expect(String(two.body)).not.toContain(nonce);
  });

  it('lets the browser host add to the page, serves other files as bytes and 404s the rest, always with a CSP', () => {
    const dir = root();
    expect(String(serveRendererFile(dir, '/', (h) => `<!-- bridge -->${h}`).body)).toMatch(/^<!-- bridge -->/);
    const js = serveRendererFile(dir, '/a.js');
    expect(js).toMatchObject({ status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'content-security-policy': contentSecurityPolicy(null) } });
    expect(Buffer.isBuffer(js.body)).toBe(true);
    expect(serveRendererFile(dir, '/../x')).toMatchObject({ status: 404, headers: { 'content-security-policy': contentSecurityPolicy(null) } });
  });
});
