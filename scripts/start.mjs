// `npm start` (after `npm run build`): the Electron app, fetching what it needs on first use
// (tools/start/plan.ts says what and why); the browser host when a download cannot reach the network.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { planStart } = require(path.join(root, 'dist/main/tools/start/plan.js'));
const { systemStartDeps } = require(path.join(root, 'dist/main/tools/start/system.js'));
const { SQLITE_BINDING_ENV } = require(path.join(root, 'dist/main/electron/core/db/sqlite.js'));
const args = process.argv.slice(2);

const plan = await planStart(systemStartDeps(root));
const child =
  plan.kind === 'electron'
    ? spawn(plan.binary, [root, ...args], { stdio: 'inherit', env: { ...process.env, [SQLITE_BINDING_ENV]: plan.binding } })
    : (console.log(`\n${plan.reason}.\nStarting License Desk in the browser host instead: open the URL below in a browser.\n`),
      spawn(process.execPath, [path.join(root, 'dist/main/electron/host/cli.js'), ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
