import { expect, test } from './fixtures';
import { license } from './seed';

test('expiry warnings are configurable and products can be added', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '701', expiresOn: '2027-01-05' }));
  await page.clock.setFixedTime(new Date(2026, 10, 26, 9, 0));
  await page.goto(`${host.url}#/licenses`);
  const row = page.getByRole('table', { name: 'Licenses' }).getByRole('row', { name: /701/ });
  await expect(row).toContainText('Active'); // 40 days left: past the default 30-day amber

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Amber at (days)').fill('10');
  await page.getByLabel('Red at (days)').fill('20');
  await page.getByRole('button', { name: 'Save warnings' }).click();
  await expect(page.getByText('Red must not be more days than amber')).toBeVisible();
  await page.getByLabel('Amber at (days)').fill('45');
  await page.getByLabel('Red at (days)').fill('10');
  await page.getByRole('button', { name: 'Save warnings' }).click();
  await expect(page.getByText('Saved. Every status now uses these warnings.')).toBeVisible();

  const add = page.getByRole('form', { name: 'Add a product' });
  await add.getByLabel('Code').fill('ACME');
  await add.getByLabel('Product name').fill('Acme Scanner SDK');
  await add.getByLabel('Editions').fill('Desktop, Server');
  await add.getByRole('button', { name: 'Add product' }).click();
  await expect(page.getByRole('table', { name: 'Products' })).toContainText('Acme Scanner SDK');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Licenses' }).click();
  await expect(row).toContainText('Expiring');
  await page.getByRole('button', { name: 'Add license' }).first().click();
  await page.getByRole('dialog', { name: 'Add license' }).getByRole('combobox', { name: 'Product' }).click();
  await expect(page.getByRole('option', { name: 'Acme Scanner SDK' })).toBeVisible();
});
