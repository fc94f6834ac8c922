import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { startHostProcess, type HostProcess } from '../support/host-process';

export interface Host {
  dataDir: string;
  /** Where the host saves exports (its Settings folder stand-in), inside the test's own folder. */
  saveFolder: string;
  url: string;
  /** Stops the host process and starts a new one on the same data folder (`whileStopped` runs in between). */
  restart(whileStopped?: () => void): Promise<string>;
  /** Calls a channel over the host's HTTP transport, for seeding data; throws on an error envelope. */
  call<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

export async function callHost(url: string, channel: string, input: unknown): Promise<unknown> {
  const u = new URL(url);
  const res = await fetch(`${u.origin}/__host/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-license-desk-token': u.searchParams.get('token') ?? '' },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
}

/**
 * Each test gets its own data folder and its own host process (Actual's e2e fixture pattern).
 * Every page also fails its test on a Content-Security-Policy violation, so a style or script the
 * policy blocks (electron/core/platform/csp.ts) cannot go unnoticed.
 */
export const test = base.extend<{ host: Host }>({
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await use(page);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
  // Playwright requires the object pattern for a fixture that uses no other fixtures.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-e2e-'));
    const saveFolder = path.join(dataDir, 'saved');
    let proc: HostProcess = await startHostProcess(dataDir, {}, saveFolder);
    const host: Host = {
      dataDir,
      saveFolder,
      get url() {
        return proc.url;
      },
      async restart(whileStopped) {
        await proc.stop();
        whileStopped?.();
        proc = await startHostProcess(dataDir, {}, saveFolder);
        return proc.url;
      },
      call: (channel, input) => callHost(proc.url, channel, input) as never,
    };
    await use(host);
    await proc.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
