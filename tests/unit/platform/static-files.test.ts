import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mimeType, resolveStaticFile } from '../../../electron/core/platform/static-files.js';
import { TempDirs } from '../../fixtures/builders.js';

const tmp = new TempDirs();
let base: string;
let root: string;

beforeEach(() => {
  base = tmp.make();
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets', 'sub'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'a b.css'), 'body{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the root');
  // A sibling whose name starts with the root's name: a naive startsWith(root) check would let it through.
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
});

afterEach(() => tmp.cleanup());

describe('resolveStaticFile', () => {
  it("serves '/' and '' as index.html", () => {
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '')).toBe(path.join(root, 'index.html'));
  });

  it('serves files inside the root, decoding once', () => {
    expect(resolveStaticFile(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticFile(root, '/a%20b.css')).toBe(path.join(root, 'a b.css'));
    expect(resolveStaticFile(root, '/assets/../index.html')).toBe(path.join(root, 'index.html'));
  });

  it.each([
    ['plain ..', '/../secret.txt'],
    ['bare ..', '../secret.txt'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['encoded dots upper-case', '/%2E%2E/secret.txt'],
    ['encoded slash', '/..%2fsecret.txt'],
    ['fully encoded', '/%2e%2e%2fsecret.txt'],
    ['deep', '/assets/sub/../../../secret.txt'],
    ['sibling with the same prefix', '/../renderer-evil/x.js'],
  ])('refuses traversal: %s', (_label, url) => {
    expect(resolveStaticFile(root, url)).toBeNull();
  });

  it('refuses double encoding (decoded once, it is a literal name that does not exist)', () => {
    expect(resolveStaticFile(root, '/%252e%252e/secret.txt')).toBeNull();
  });

  it('refuses absolute paths to a file that exists outside the root', () => {
    const secret = path.join(base, 'secret.txt');
    expect(fs.existsSync(secret)).toBe(true);
    expect(resolveStaticFile(root, secret)).toBeNull();
    expect(resolveStaticFile(root, `/${secret}`)).toBeNull();
    expect(resolveStaticFile(root, encodeURIComponent(secret))).toBeNull();
  });

  it('refuses NUL, raw or encoded', () => {
    expect(resolveStaticFile(root, '/index.html\0.js')).toBeNull();
    expect(resolveStaticFile(root, '/index.html%00.js')).toBeNull();
    expect(resolveStaticFile(root, '/index.html%00')).toBeNull();
  });

  it('refuses directories, the root itself, missing files and malformed encoding', () => {
    expect(resolveStaticFile(root, '/assets')).toBeNull();
    expect(resolveStaticFile(root, '/assets/')).toBeNull();
    expect(resolveStaticFile(root, '/.')).toBeNull();
    expect(resolveStaticFile(root, '/missing.js')).toBeNull();
    expect(resolveStaticFile(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('mimeType', () => {
  it('maps known extensions, case-insensitively, and falls back to octet-stream', () => {
    expect(mimeType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('/x/APP.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('/x/a.woff2')).toBe('font/woff2');
    expect(mimeType('/x/a.exe')).toBe('application/octet-stream');
    expect(mimeType('/x/noext')).toBe('application/octet-stream');
  });
});
