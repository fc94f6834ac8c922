// Offline packaging check (docs/engineering-notes.md §T3): electron-builder --dir with a stand-in electronDist
// made in a temporary folder, then the archive is inspected. Prints one JSON line of results.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = pkg.devDependencies.electron;
const fake = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-electron-'));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-release-'));
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok, detail });
  console.log(`${ok ? '  ✓' : '  ✘'} ${name}${detail ? ` — ${detail}` : ''}`);
};

try {
  fs.mkdirSync(path.join(fake, 'resources'));
  fs.writeFileSync(path.join(fake, 'electron'), '#!/bin/sh\necho fake\n', { mode: 0o755 });
  fs.writeFileSync(path.join(fake, 'LICENSE'), '');
  fs.writeFileSync(path.join(fake, 'LICENSES.chromium.html'), '');
  fs.writeFileSync(path.join(fake, 'version'), electronVersion);
  execFileSync('npx', ['electron-builder', '--linux', 'dir', `-c.electronDist=${fake}`, `-c.directories.output=${out}`], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 240_000,
  });
  check('electron-builder --dir succeeds offline', true);
  const asar = path.join(out, 'linux-unpacked/resources/app.asar');
  const list = execFileSync('npx', ['asar', 'list', asar], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n');
  const has = (p) => list.includes(p);
  check('package.json "main" is inside app.asar', has(`/${pkg.main}`), pkg.main);
  check('preload bundle is inside app.asar', has('/dist/preload/preload.cjs'));
  check('renderer index.html is inside app.asar', has('/dist/renderer/index.html'));
  const leaked = ['react', 'react-dom', '@mui/material', 'vite', 'electron', 'typescript'].filter((d) => has(`/node_modules/${d}`));
  check('renderer-only and dev packages are not packed', leaked.length === 0, leaked.join(', '));
  check('no source maps or benchmarks are packed', !list.some((f) => f.endsWith('.map') || f.startsWith('/dist/main/bench')));
  const native = path.join(out, 'linux-unpacked/resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  check('better-sqlite3 native module is unpacked', fs.existsSync(native));
} catch (err) {
  check('electron-builder --dir succeeds offline', false, String(err.stderr ?? err.message).split('\n').slice(-5).join(' '));
} finally {
  fs.rmSync(fake, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
}
const passed = checks.filter((c) => c.ok).length;
fs.mkdirSync(path.join(root, '.test-output'), { recursive: true });
fs.writeFileSync(path.join(root, '.test-output/packaging.json'), JSON.stringify({ passed, failed: checks.length - passed, checks }));
process.exit(passed === checks.length ? 0 : 1);
