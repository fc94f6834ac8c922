import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// Launches the real built app (npm run build first) with the Electron binary and better-sqlite3's
// Electron build that `npm start` fetches (tools/start); run-smoke.mjs runs it only where both exist.
const root = path.resolve(__dirname, '../..');
const fixture = path.join(root, 'tests/fixtures/portal/full-license-list.csv');

test('the app opens its window, answers its own frame, imports a portal file, shows the list and quits cleanly', async () => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-electron-'));
  const app = await electron.launch({
    executablePath: process.env.ELECTRON_BINARY,
    args: [root],
    env: { ...process.env, LICENSE_DESK_USER_DATA: userData },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { level: 1 })).toBeVisible();
    // The window title follows the page (renderer sets document.title; Electron mirrors it).
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toMatch(/License Desk$/);
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    // The sender check accepts the app's own frame: a real call over ipcMain comes back ok
    // (under Playwright senderFrame.url can be empty; the glue falls back to the page's URL).
    const info = await win.evaluate(() => (window as unknown as { api: Record<string, (i?: unknown) => Promise<{ ok: boolean }>> }).api['app:info']!());
    expect(info.ok).toBe(true);
    expect(fs.existsSync(path.join(userData, 'data', 'license-desk.sqlite'))).toBe(true);

    await win.evaluate(() => (location.hash = '#/licenses'));
    await win.getByRole('button', { name: 'Import' }).first().click();
    const dialog = win.getByRole('dialog', { name: 'Import licenses' });
    await dialog.getByRole('tab', { name: 'CSV or JSON file' }).click();
    await dialog.getByLabel('License file').setInputFiles(fixture);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toContainText(/Imported 15 new/);
    await win.keyboard.press('Escape');
    await expect(win.getByLabel('License count')).toHaveText('15 items');
    await expect(win.getByRole('table', { name: 'Licenses' })).toBeVisible();
  } finally {
    // Quitting closes the database (before-quit) and exits 0.
    const exited = new Promise<number | null>((resolve) => app.process().once('exit', (code) => resolve(code)));
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    expect(await exited).toBe(0);
    fs.rmSync(userData, { recursive: true, force: true });
  }
});
