import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { license } from './seed';

test('filter, sort, open a detail and export the view', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '301', productCode: 'DWT', edition: 'Core Module', quotaMode: 'devices', quotaAmount: 25, expiresOn: '2026-12-01', notes: '=HYPERLINK("http://x")' }));
  await host.call('licenses:create', license({ itemId: '302', expiresOn: '2026-10-01' }));
  await host.call('licenses:create', license({ itemId: '303', expiresOn: '2027-08-01', projectCode: '100123456-100654321' }));
  await host.call('licenses:create', license({ itemId: '304', productCode: 'DWT', edition: 'Core Module', quotaMode: 'devices', quotaAmount: 50, expiresOn: '2027-03-01' }));

  await page.clock.setFixedTime(new Date(2026, 10, 26, 9, 0));
  await page.goto(`${host.url}#/licenses`);
  const table = page.getByRole('table', { name: 'Licenses' });
  const itemIds = () => table.getByRole('row').locator('td:first-child').allInnerTexts();
  await expect(page.getByLabel('License count')).toHaveText('4 items');
  // Default order is urgency: soonest expiry first, and the one that expired in October after them.
  await expect.poll(itemIds).toEqual(['301', '304', '303', '302']);

  await page.getByRole('combobox', { name: 'Product' }).click();
  await page.getByRole('option', { name: 'Dynamic Web TWAIN' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('License count')).toHaveText('2 items');
  await expect.poll(itemIds).toEqual(['301', '304']);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Expired' }).click();
  await page.keyboard.press('Escape');
  await expect.poll(itemIds).toEqual(['302']);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByRole('button', { name: 'Item ID' }).click();
  await expect.poll(itemIds).toEqual(['301', '302', '303', '304']);
  await page.getByRole('button', { name: 'Item ID' }).click();
  await expect.poll(itemIds).toEqual(['304', '303', '302', '301']);

  await page.getByLabel('Search licenses').fill('100123456');
  await expect.poll(itemIds).toEqual(['303']);
  await page.getByLabel('Search licenses').fill('');
  await expect(page.getByLabel('License count')).toHaveText('4 items');

  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Export view as CSV' }).click();
  // The host saves into its folder (the app shows a save dialog) and says where.
  const file = path.join(host.saveFolder, 'licenses-2026-11-26.csv');
  await expect(page.getByText(`Saved 4 items to ${file}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show in folder' })).toBeVisible();
  const csv = fs.readFileSync(file, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(5);
  expect(lines[0]).toContain('Item Id,License Id');
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['304', '303', '302', '301']);
  expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);

  await table.getByRole('button', { name: '303' }).click();
  await expect(page).toHaveURL(/#\/licenses\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dynamsoft Barcode Reader');
  await expect(page.getByText('100123456-100654321').first()).toBeVisible();
});
