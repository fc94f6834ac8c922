// Fills a running browser host with generated portal rows: node scripts/seed.mjs <host-url-with-token> [count]
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { generatePortalRows } = require('../dist/main/bench/generate.js');
const [url, count = '60'] = process.argv.slice(2);
const u = new URL(url);
const token = u.searchParams.get('token');
async function call(channel, input) {
  const res = await fetch(`${u.origin}/__host/ipc/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-license-desk-token': token }, body: JSON.stringify({ input }) });
  return res.json();
}
const { text } = generatePortalRows(Number(count), 7, new Date());
// The file is staged once; preview and commit refer to it by id (shared/ipc/contract/imports.ts).
const staged = await call('import:stage', { format: 'csv', fileName: 'seed.csv', text });
if (!staged.ok) throw new Error(JSON.stringify(staged.error));
const preview = await call('import:preview', { stagedId: staged.value.stagedId });
if (!preview.ok) throw new Error(JSON.stringify(preview.error));
const result = await call('import:commit', { stagedId: staged.value.stagedId, mapping: preview.value.mapping, mode: 'valid-only' });
console.log(JSON.stringify(result.ok ? result.value.message : result.error));
