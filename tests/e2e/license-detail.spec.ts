import { expect, test } from './fixtures';
import { DLS2_FIXTURE, license } from './seed';

test('the detail page shows every field, masks the key, records usage, edits and keeps history', async ({ page, host }) => {
  const project = '100123456-100654321';
  await host.call('keys:import', { text: DLS2_FIXTURE });
  const item = await host.call('licenses:create', license({ itemId: '501', productCode: 'DWT', edition: 'Core Module', quotaMode: 'pages', quotaAmount: 200000, expiresOn: '2027-06-15', projectCode: project, alias: 'First site' }));
  await host.call('licenses:create', license({ itemId: '502', expiresOn: '2027-01-15', projectCode: project }));

  await page.clock.setFixedTime(new Date(2026, 10, 26, 9, 0));
  await page.goto(`${host.url}#/licenses/${item.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dynamic Web TWAIN');
  await expect(page.getByText('First site').first()).toBeVisible();

  // The key is a secret: masked until revealed.
  await expect(page.getByText(DLS2_FIXTURE)).toHaveCount(0);
  await page.getByRole('button', { name: 'Reveal key' }).click();
  await expect(page.getByRole('textbox', { name: 'License key' })).toContainText(DLS2_FIXTURE);
  await page.getByRole('button', { name: 'Hide key' }).click();
  await expect(page.getByText(DLS2_FIXTURE)).toHaveCount(0);

  // Draw order: the item expiring first is drawn on first.
  const draw = page.getByRole('table', { name: 'Draw order' });
  await expect(draw.getByRole('row').nth(1)).toContainText('502');
  await expect(draw.getByRole('row').nth(2)).toContainText('501');

  const usage = page.getByRole('form', { name: 'Add usage' });
  await usage.getByLabel(/^Used/).fill('-5');
  await usage.getByRole('button', { name: 'Add usage' }).click();
  await expect(usage.getByText('Cannot be negative')).toBeVisible();
  await usage.getByLabel('Date').fill('2026-11-20');
  await usage.getByLabel(/^Used/).fill('150,000');
  await usage.getByRole('button', { name: 'Add usage' }).click();
  await expect(page.getByRole('table', { name: 'Usage snapshots' })).toContainText('150,000');
  await expect(page.getByText('150,000 / 200,000').first()).toBeVisible();

  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit license' });
  await dialog.getByLabel('Expiry date').fill('2027-12-31');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  const history = page.getByRole('list', { name: 'Change history' });
  await expect(history).toContainText('Jun 15, 2027');
  await expect(history).toContainText('Dec 31, 2027');

  await page.reload();
  await expect(page.getByRole('list', { name: 'Change history' })).toContainText('Dec 31, 2027');

  // Deleting asks first; "Keep it" keeps it.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete license 501?' });
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toBeHidden();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await confirm.getByRole('button', { name: 'Delete license' }).click();
  await expect(page).toHaveURL(/#\/licenses$/);
  await expect(page.getByLabel('License count')).toHaveText('1 item');
  expect((await host.call('licenses:list', { asOf: '2026-11-26' })).rows.map((r) => r.itemId)).toEqual(['502']);
});
