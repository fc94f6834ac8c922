import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, servedPage } from './csp.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path onto a file inside `root`, or null. Shared by the app:// protocol handler and the
 * browser host, so both refuse `..`, encoded traversal, absolute paths, NUL and symlinks that lead
 * out of the folder the same way.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  const rootResolved = path.resolve(root);
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) return null;
  try {
    // The real path, so a symlink inside the folder cannot lead out of it.
    const real = fs.realpathSync(full);
    const realRoot = fs.realpathSync(rootResolved);
    if (!real.startsWith(realRoot + path.sep)) return null;
    return fs.statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

export interface StaticResponse {
  status: 200 | 404;
  body: Buffer<ArrayBuffer> | string;
  headers: { 'content-type': string; 'content-security-policy': string };
}

/**
 * One renderer response for both hosts: the file, its type and the CSP. index.html is served with a
 * fresh nonce (csp.ts); `page` lets the browser host add its bridge script to it.
 */
export function serveRendererFile(root: string, urlPath: string, page: (html: string) => string = (h) => h): StaticResponse {
  const file = resolveStaticFile(root, urlPath);
  if (!file) return { status: 404, body: 'Not found', headers: { 'content-type': 'text/plain', 'content-security-policy': contentSecurityPolicy(null) } };
  if (path.relative(root, file) === 'index.html') {
    const served = servedPage(page(fs.readFileSync(file, 'utf8')));
    return { status: 200, body: served.body, headers: { 'content-type': mimeType(file), 'content-security-policy': served.csp } };
  }
  return { status: 200, body: fs.readFileSync(file), headers: { 'content-type': mimeType(file), 'content-security-policy': contentSecurityPolicy(null) } };
}
