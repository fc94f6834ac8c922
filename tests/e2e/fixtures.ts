import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../support/host-process';

export interface Host {
  dataDir: string;
  url: string;
  /** Stops the host process and starts a new one on the same data folder. */
  restart(): Promise<string>;
}

/** Each test gets its own data folder and its own host process (Actual's e2e fixture pattern). */
export const test = base.extend<{ host: Host }>({
  // Playwright requires the object pattern for a fixture that uses no other fixtures.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-e2e-'));
    let proc: HostProcess = await startHostProcess(dataDir);
    const host: Host = {
      dataDir,
      get url() {
        return proc.url;
      },
      async restart() {
        await proc.stop();
        proc = await startHostProcess(dataDir);
        return proc.url;
      },
    };
    await use(host);
    await proc.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
