import fs from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Mirrors tests/support/chromium.ts (findChromium, CHROMIUM_FLAGS). It is copied rather than
 * imported because tsconfig.main.json would then emit tests/support into dist/main, which is packed
 * into the app (only dist/main/bench is excluded). Keep the two in step.
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
