// Runs the _electron smoke suite where an Electron runtime exists; says so loudly where it does not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pathFile = path.join(root, 'node_modules/electron/path.txt');
// Never require('electron') here: in plain Node it tries to download the binary (docs/engineering-notes.md §T1).
const binary = fs.existsSync(pathFile) ? path.join(root, 'node_modules/electron/dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;

if (!binary || !fs.existsSync(binary)) {
  console.log('');
  console.log('='.repeat(72));
  console.log('skipped: Electron runtime not available');
  console.log('  The _electron smoke suite (tests/electron/smoke.spec.ts) needs the Electron binary,');
  console.log('  which cannot be downloaded on this machine. It runs where `npx electron --version` works.');
  console.log('='.repeat(72));
  fs.mkdirSync(path.join(root, '.test-output'), { recursive: true });
  fs.writeFileSync(path.join(root, '.test-output/electron.json'), JSON.stringify({ skipped: true, reason: 'Electron runtime not available' }));
  process.exit(0);
}

const result = spawnSync('npx', ['playwright', 'test', '-c', 'tests/electron/playwright.electron.config.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_BINARY: binary } });
process.exit(result.status ?? 1);
