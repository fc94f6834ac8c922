// `npm start`: the Electron app where its runtime exists; otherwise the same app in the browser host.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pathFile = path.join(root, 'node_modules/electron/path.txt');
const binary = fs.existsSync(pathFile) ? path.join(root, 'node_modules/electron/dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;
const args = process.argv.slice(2);

const child =
  binary && fs.existsSync(binary)
    ? spawn(binary, [root, ...args], { stdio: 'inherit' })
    : (console.log('Electron runtime not available here: starting License Desk in the browser host instead.\nOpen the URL below in a browser.\n'),
      spawn(process.execPath, [path.join(root, 'dist/main/electron/host/cli.js'), ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
