import { chromium } from 'playwright-core';
// node scripts/screenshot.mjs URL OUT [action|x] [width] [height] [light|dark]
const [url, out, action, w = '1440', h = '900', scheme = 'light'] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const p = await b.newPage({ viewport: { width: Number(w), height: Number(h) }, colorScheme: scheme });
p.on('console', m => console.log('console:', m.type(), m.text()));
p.on('pageerror', e => console.log('pageerror:', e.message));
await p.goto(url);
await p.waitForTimeout(800);
if (action === 'add') {
  await p.getByRole('button', { name: 'Add license' }).first().click();
  await p.waitForTimeout(300);
}
await p.screenshot({ path: out });
await b.close();
