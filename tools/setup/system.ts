import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { SetupDeps } from './test-tools.js';

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The machine as test-tools.ts sees it. */
export function systemSetupDeps(log: (line: string) => void = (l) => console.log(l)): SetupDeps {
  return {
    env: process.env,
    // `--version` proves the browser starts (a Playwright download without its system libraries does not).
    runs: (file) => isFile(file) && spawnSync(file, ['--version'], { stdio: 'ignore', timeout: 30_000 }).status === 0,
    which: (command) =>
      (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, command))
        .find((f) => {
          try {
            fs.accessSync(f, fs.constants.X_OK);
            return isFile(f);
          } catch {
            return false;
          }
        }) ?? null,
    playwrightChromium() {
      try {
        return chromium.executablePath();
      } catch {
        return null; // playwright-core throws when it has no browser of its own
      }
    },
    exec: (command, args, env = {}) =>
      spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' }).status === 0,
    isRoot: process.getuid?.() === 0,
    osRelease: isFile('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : null,
    log,
  };
}
