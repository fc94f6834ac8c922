import path from 'node:path';
import { expect, test } from './fixtures';

test("the License Server's Items page imports with its usage, quota and mode read from the text", async ({ page, host }) => {
  await page.goto(`${host.url}#/licenses`);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import licenses' });
  await dialog.getByRole('tab', { name: 'CSV or JSON file' }).click();
  await dialog.getByLabel('License file').setInputFiles(path.resolve(__dirname, '../fixtures/portal/license-server-items.csv'));
  await expect(dialog.getByRole('table', { name: 'Import preview' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toContainText(/Imported 3 new/);
  await page.keyboard.press('Escape');

  const list = page.getByRole('table', { name: 'Licenses' });
  await expect(list.getByRole('row', { name: /101058773/ })).toContainText('1,234 / 50,000');
  await expect(list.getByRole('row', { name: /101058774/ })).toContainText('9,500 / 10,000');
  const rows = (await host.call('licenses:list', { asOf: '2026-12-01', sort: { key: 'itemId', dir: 'asc' } })).rows;
  expect(rows.map((r) => [r.itemId, r.quotaMode, r.quotaAmount, r.used])).toEqual([
    ['101058772', 'devices', 100000, 0],
    ['101058773', 'pages', 50000, 1234],
    ['101058774', 'scans', 10000, 9500],
  ]);
});
