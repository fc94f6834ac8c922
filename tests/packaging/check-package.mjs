// Offline packaging check (docs/engineering-notes.md §T3): electron-builder --dir with a stand-in electronDist made
// in a temporary folder, then the output is inspected: what app.asar holds, the native module
// unpacked and swapped for the Electron build by the afterPack hook, the fuses flipped in the
// executable, and the installer settings and icons for the targets that cannot be built offline.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = pkg.devDependencies.electron;
const { getCurrentFuseWire, FuseV1Options } = require(require.resolve('@electron/fuses', { paths: [path.join(root, 'node_modules/app-builder-lib')] }));
const yaml = require(require.resolve('js-yaml', { paths: [path.join(root, 'node_modules/app-builder-lib')] }));
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const fake = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-electron-'));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-release-'));
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-native-'));
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok, detail });
  console.log(`${ok ? '  ✓' : '  ✘'} ${name}${detail ? ` — ${detail}` : ''}`);
};

// A fuse wire laid out as in Electron's binaries (@electron/fuses): a sentinel, version 1, the
// count, then one byte per fuse ('1' on, '0' off) in FuseV1Options order. Every fuse starts
// opposite to the config, so each one must be flipped by electron-builder for the check to pass.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const shippedWire = '10110011';
const EXPECTED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

function pngSize(file) {
  const b = fs.readFileSync(file);
  return b.toString('ascii', 1, 4) === 'PNG' ? b.readUInt32BE(16) : 0;
}

try {
  fs.mkdirSync(path.join(fake, 'resources'));
  const wire = Buffer.concat([Buffer.from(`#!/bin/sh\necho fake\n# ${SENTINEL}`), Buffer.from([1, shippedWire.length]), Buffer.from(shippedWire), Buffer.from('\n')]);
  fs.writeFileSync(path.join(fake, 'electron'), wire, { mode: 0o755 });
  fs.writeFileSync(path.join(fake, 'LICENSE'), '');
  fs.writeFileSync(path.join(fake, 'LICENSES.chromium.html'), '');
  fs.writeFileSync(path.join(fake, 'version'), electronVersion);
  // Stands in for better-sqlite3's Electron prebuild (GitHub is out of reach here) in a cache of its own.
  const env = { ...process.env, LICENSE_DESK_NATIVE_CACHE: cache };
  const { electronSqliteFile } = require(path.join(root, 'dist/main/tools/start/system.js'));
  const standIn = electronSqliteFile(root, { platform: 'linux', arch: 'x64' }, env);
  fs.mkdirSync(path.dirname(standIn), { recursive: true });
  fs.writeFileSync(standIn, `stand-in for better-sqlite3 built for Electron ${electronVersion}, linux-x64\n`);

  execFileSync('npx', ['electron-builder', '--linux', 'dir', '--x64', `-c.electronDist=${fake}`, `-c.directories.output=${out}`], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 240_000,
  });
  check('electron-builder --dir succeeds offline', true);
  const appDir = path.join(out, 'linux-unpacked');
  const asar = path.join(appDir, 'resources/app.asar');
  const list = execFileSync('npx', ['asar', 'list', asar], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n');
  const has = (p) => list.includes(p);
  check('package.json "main" is inside app.asar', has(`/${pkg.main}`), pkg.main);
  check('preload bundle is inside app.asar', has('/dist/preload/preload.cjs'));
  check('renderer index.html is inside app.asar', has('/dist/renderer/index.html'));
  const leaked = ['react', 'react-dom', '@mui/material', 'vite', 'electron', 'typescript', 'playwright-core', 'ws'].filter((d) => has(`/node_modules/${d}`));
  check('renderer-only and dev packages are not packed', leaked.length === 0, leaked.join(', '));
  check('no source maps, benchmarks, dev tools or the browser host are packed', !list.some((f) => f.endsWith('.map') || f.startsWith('/dist/main/bench') || f.startsWith('/dist/main/tools') || f.startsWith('/dist/main/electron/host')));
  const native = path.join(appDir, 'resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  check('better-sqlite3 native module is unpacked', fs.existsSync(native));
  check(
    'the unpacked module is the Electron build from the cache (afterPack), not the Node build',
    fs.existsSync(native) && fs.readFileSync(native).equals(fs.readFileSync(standIn)),
  );
  const fuses = await getCurrentFuseWire(path.join(appDir, config.linux.executableName));
  const wrong = Object.entries(EXPECTED_FUSES).filter(([name, on]) => fuses[FuseV1Options[name]] !== (on ? 49 : 48)).map(([n]) => n);
  check('fuses flipped in the packed executable as configured', wrong.length === 0, wrong.length ? `wrong: ${wrong.join(', ')}` : Object.entries(EXPECTED_FUSES).map(([n, on]) => `${n} ${on ? 'on' : 'off'}`).join(', '));
} catch (err) {
  check('electron-builder --dir succeeds offline', false, String(err.stderr ?? err.message).split('\n').slice(-5).join(' '));
} finally {
  fs.rmSync(fake, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
}

// The targets this machine cannot build (they download their tools): their settings and icons.
const targets = (t) => (t ?? []).map((x) => (typeof x === 'string' ? { target: x } : x));
check('Windows: NSIS, per user, no elevation', targets(config.win?.target).some((t) => t.target === 'nsis') && config.nsis?.perMachine === false && config.nsis?.oneClick === true);
const mac = targets(config.mac?.target).find((t) => t.target === 'dmg');
check('macOS: dmg for x64 and arm64', Boolean(mac) && ['x64', 'arm64'].every((a) => mac.arch?.includes(a)));
check('Linux: AppImage and deb', ['AppImage', 'deb'].every((t) => targets(config.linux?.target).some((x) => x.target === t)) && Boolean(pkg.homepage));
check('app id and product name', config.appId === 'com.licensedesk.app' && config.productName === pkg.productName);
const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512].filter((s) => pngSize(path.join(root, config.linux.icon, `${s}x${s}.png`)) === s);
check('Linux icons at 16–512', linuxSizes.length === 8, `${linuxSizes.length} of 8`);
const ico = fs.readFileSync(path.join(root, config.win.icon));
const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
check('Windows icon holds 16–256', [16, 24, 32, 48, 64, 128, 256].every((s) => icoSizes.includes(s)), icoSizes.join(', '));
const icns = fs.readFileSync(path.join(root, config.mac.icon));
const icnsTypes = [];
for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) icnsTypes.push(icns.toString('ascii', at, at + 4));
check('macOS icon holds 16–1024', ['icp4', 'icp5', 'icp6', 'ic07', 'ic08', 'ic09', 'ic10'].every((t) => icnsTypes.includes(t)), icnsTypes.join(', '));

const passed = checks.filter((c) => c.ok).length;
fs.mkdirSync(path.join(root, '.test-output'), { recursive: true });
fs.writeFileSync(path.join(root, '.test-output/packaging.json'), JSON.stringify({ passed, failed: checks.length - passed, checks }));
process.exit(passed === checks.length ? 0 : 1);
