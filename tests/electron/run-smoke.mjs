// Runs the _electron smoke suite where the Electron binary and better-sqlite3's Electron build exist
// (`npm start` fetches both on a machine with internet); says so loudly where they do not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
// Never require('electron') here: in plain Node it tries to download the binary (docs/engineering-notes.md §T1).
const { systemStartDeps } = require(path.join(root, 'dist/main/tools/start/system.js'));
const deps = systemStartDeps(root);
const binary = deps.electronBinary();
const missing = [
  ...(binary ? [] : [`the Electron ${deps.electronVersion} binary (node_modules/electron/dist)`]),
  ...(deps.hasBinding() ? [] : [`better-sqlite3 built for Electron (${path.relative(root, deps.bindingPath)})`]),
];

if (missing.length > 0) {
  console.log('');
  console.log('='.repeat(72));
  console.log('skipped: the _electron smoke suite (tests/electron/smoke.spec.ts)');
  for (const m of missing) console.log(`  missing: ${m}`);
  console.log('  Both download on the first `npm start` on a machine that can reach GitHub;');
  console.log('  this one cannot, so the suite is skipped here, not passed.');
  console.log('='.repeat(72));
  fs.mkdirSync(path.join(root, '.test-output'), { recursive: true });
  fs.writeFileSync(path.join(root, '.test-output/electron.json'), JSON.stringify({ skipped: true, missing }));
  process.exit(0);
}

const result = spawnSync('npx', ['playwright', 'test', '-c', 'tests/electron/playwright.electron.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_BINARY: binary, LICENSE_DESK_SQLITE_BINDING: deps.bindingPath },
});
process.exit(result.status ?? 1);
