import fs from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * The one Chromium finder for the benchmark and the e2e suite (tests/support/chromium.ts re-exports
 * it). It lives here because bench/ is compiled to dist/main/bench, which packaging leaves out.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core throws when it has no browser of its own; that is just one fewer candidate.
  }
  const found = candidates.find((c): c is string => Boolean(c) && fs.existsSync(c!));
  if (!found) {
    throw new Error('No Chromium found: run `apt-get install chromium` (Debian) or `npx playwright install chromium`, or set CHROMIUM_PATH.');
  }
  return found;
}
