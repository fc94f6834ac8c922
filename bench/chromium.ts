import { systemSetupDeps } from '../tools/setup/system.js';
import { findChromium as findWith } from '../tools/setup/test-tools.js';

/**
 * Chromium for the benchmark and the e2e suite (tests/support/chromium.ts re-exports this): the
 * finder of tools/setup, which `npm test` also uses to install one when none is found.
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
  const found = findWith(systemSetupDeps());
  if (!found) {
    throw new Error('No Chromium found: `npm test` sets one up; or run `npx playwright install chromium` (or `apt-get install chromium`), or set CHROMIUM_PATH.');
  }
  return found;
}
