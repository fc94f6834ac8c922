import { expect, test } from './fixtures';

test('a license added through the form is listed and survives a host restart', async ({ page, host }) => {
  await page.goto(`${host.url}#/licenses`);
  await expect(page.getByRole('heading', { name: /Licenses/ })).toBeVisible();
  await expect(page.getByText('No licenses recorded yet')).toBeVisible();

  await page.getByRole('button', { name: 'Add license' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add license' });
  await dialog.getByLabel('Item ID').fill('101058772');
  await dialog.getByLabel('License ID').fill('100923880');
  await dialog.getByRole('combobox', { name: 'Product' }).click();
  await page.getByRole('option', { name: 'Dynamsoft Barcode Reader' }).click();
  await dialog.getByLabel('Edition').fill('JavaScript Edition');
  await dialog.getByRole('combobox', { name: 'Quota mode' }).click();
  await page.getByRole('option', { name: 'Per barcode scan' }).click();
  await dialog.getByLabel(/^Quota \(scans\)/).fill('10,000');
  await dialog.getByLabel('Activation date').fill('2026-03-15');
  await expect(dialog.getByLabel('Expiry date')).toHaveValue('2027-03-15');
  await dialog.getByLabel('Project (handshake code)').fill('100123456-100654321');
  await dialog.getByRole('button', { name: 'Save license' }).click();
  await expect(dialog).toBeHidden();

  const table = page.getByRole('table', { name: 'Licenses' });
  const row = table.getByRole('row', { name: /101058772/ });
  await expect(row).toContainText('Dynamsoft Barcode Reader · JavaScript Edition');
  await expect(row).toContainText('10,000');
  await expect(row).toContainText('Mar 15, 2027');
  await expect(row).toContainText('100123456-100654321');

  await page.goto(`${await host.restart()}#/licenses`);
  await expect(page.getByRole('table', { name: 'Licenses' }).getByRole('row', { name: /101058772/ })).toContainText('Mar 15, 2027');
  await expect(page.getByLabel('License count')).toHaveText('1 item');
});

test('an invalid form shows field errors and saves nothing', async ({ page, host }) => {
  await page.goto(`${host.url}#/licenses`);
  await page.getByRole('button', { name: 'Add license' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add license' });
  await dialog.getByLabel('Item ID').fill('12ab');
  await dialog.getByLabel('Activation date').fill('2026-03-15');
  await dialog.getByLabel('Expiry date').fill('2026-01-01');
  await dialog.getByRole('button', { name: 'Save license' }).click();

  await expect(dialog.getByRole('alert')).toContainText('Please correct the highlighted fields');
  await expect(dialog.getByText('Digits only (up to 18)')).toBeVisible();
  await expect(dialog.getByText('Expiry must be after activation')).toBeVisible();
  await expect(dialog.getByLabel('Item ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Required')).toHaveCount(2); // product and quota

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.goto(`${await host.restart()}#/licenses`);
  await expect(page.getByText('No licenses recorded yet')).toBeVisible();
});
