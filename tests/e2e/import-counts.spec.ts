import { expect, test } from './fixtures';

const HEAD = 'Item Id,License Item,Version Info,License Status,Accumulated Quota,Usage/Maintenance Expiry Date,Operation';
const good = (id: number) => `${id},"Dynamsoft Barcode Reader JavaScript Edition (Annual Runtime License for 10,000 barcode scans)",11.X,Active,10000,2027-07-10,License Detail`;
const file = (lines: string[]) => ({ name: 'licenses.csv', mimeType: 'text/csv', buffer: Buffer.from([HEAD, ...lines].join('\n') + '\n') });

test('the import report counts rows, not problems: one bad row with three problems is one rejected row', async ({ page, host }) => {
  await page.goto(`${host.url}#/licenses`);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import licenses' });
  await dialog.getByRole('tab', { name: 'CSV or JSON file' }).click();
  // Row 4 has three problems: an item id that is not digits, a quota that is not a number, an impossible date.
  await dialog.getByLabel('License file').setInputFiles(file([good(970001), good(970002), 'abc,"Dynamsoft Barcode Reader JavaScript Edition",11.X,Active,lots,2025-13-40,License Detail', good(970003), good(970004), good(970005)]));
  const counts = dialog.getByRole('definition');
  await expect(dialog.getByText('Rows read')).toBeVisible();
  const value = (label: string) => dialog.locator('dl div', { has: page.getByText(label, { exact: true }) }).getByRole('definition');
  await expect(value('Rows read')).toHaveText('6');
  await expect(value('Rejected')).toHaveText('1');
  await expect(value('New')).toHaveText('5');
  await expect(counts.first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Import the 5 valid rows only' }).click();
  await expect(dialog).toContainText(/Imported 5 new/);
  expect((await host.call('licenses:list', { asOf: '2026-12-01' })).total).toBe(5);
});

test('two rows with two problems each: two rejected, and no "valid rows only" offer', async ({ page, host }) => {
  await page.goto(`${host.url}#/licenses`);
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import licenses' });
  await dialog.getByRole('tab', { name: 'CSV or JSON file' }).click();
  await dialog.getByLabel('License file').setInputFiles(file(['x1,"Dynamsoft Barcode Reader JavaScript Edition",11.X,Active,lots,2027-01-01,License Detail', 'x2,"Dynamsoft Barcode Reader JavaScript Edition",11.X,Active,many,2027-01-01,License Detail']));
  const value = (label: string) => dialog.locator('dl div', { has: page.getByText(label, { exact: true }) }).getByRole('definition');
  await expect(value('Rows read')).toHaveText('2');
  await expect(value('Rejected')).toHaveText('2');
  await expect(dialog.getByRole('button', { name: /valid rows? only/ })).toHaveCount(0);
  await expect(dialog).not.toContainText('-2');
});
