import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// Launches the real built app (npm run build first). Needs an Electron binary and a better-sqlite3
// built for Electron's ABI, so it runs only where run-smoke.mjs finds the runtime.
test('the packaged entry starts, shows the Licenses page and keeps Node out of the renderer', async () => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-electron-'));
  const app = await electron.launch({
    executablePath: process.env.ELECTRON_BINARY,
    args: [path.resolve(__dirname, '../..')],
    env: { ...process.env, LICENSE_DESK_USER_DATA: userData },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { name: /Licenses/ })).toBeVisible();
    expect(await win.title()).toBe('License Desk');
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toContain('licenses:list');
    expect(fs.existsSync(path.join(userData, 'data', 'license-desk.sqlite'))).toBe(true);
  } finally {
    await app.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
});
