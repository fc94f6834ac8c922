import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DLS2_FIXTURE, license } from './seed';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

test('a product added in Settings is in the edit form of a license opened before, without reload', async ({ page, host }) => {
  const item = await host.call('licenses:create', license({ itemId: '801' }));
  await page.goto(`${host.url}#/licenses/${item.id}`);
  // Open the edit form once, so the products are in the cache before the new one exists.
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('dialog', { name: 'Edit license' });
  await form.getByRole('combobox', { name: 'Product' }).click();
  await expect(page.getByRole('option', { name: 'Dynamsoft Barcode Reader' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Acme Scanner SDK' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await form.getByRole('button', { name: 'Cancel' }).click();

  await nav(page, 'Settings').click();
  const add = page.getByRole('form', { name: 'Add a product' });
  await add.getByLabel('Code').fill('ACME');
  await add.getByLabel('Product name').fill('Acme Scanner SDK');
  await add.getByRole('button', { name: 'Add product' }).click();
  await expect(page.getByRole('table', { name: 'Products' })).toContainText('Acme Scanner SDK');

  // Back to the license by in-app navigation (the list, then its row): no reload anywhere.
  await nav(page, 'Licenses').click();
  await page.getByRole('table', { name: 'Licenses' }).getByRole('button', { name: '801' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('dialog', { name: 'Edit license' }).getByRole('combobox', { name: 'Product' }).click();
  await expect(page.getByRole('option', { name: 'Acme Scanner SDK' })).toBeVisible();
});

test('a dashboard card opens the filtered list by URL, and Back returns to the dashboard', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '811', expiresOn: '2026-10-01' }));
  await host.call('licenses:create', license({ itemId: '812', expiresOn: '2027-06-01' }));
  await page.clock.setFixedTime(new Date(2026, 10, 26, 9, 0));
  await page.goto(host.url);

  await page.getByRole('button', { name: /^1 Expired/ }).click();
  await expect(page).toHaveURL(/#\/licenses\?status=expired$/);
  await expect(page.getByLabel('License count')).toHaveText('1 item');
  await expect(page.getByRole('table', { name: 'Licenses' })).toContainText('811');
  await expect(page.getByRole('combobox', { name: 'Status' })).toContainText('Expired');

  // A detail page and Back: the list comes back with its filter, from the URL.
  await page.getByRole('table', { name: 'Licenses' }).getByRole('button', { name: '811' }).click();
  await expect(page).toHaveURL(/#\/licenses\/\d+$/);
  await page.goBack();
  await expect(page).toHaveURL(/#\/licenses\?status=expired$/);
  await expect(page.getByLabel('License count')).toHaveText('1 item');

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await page.goForward();
  await expect(page.getByLabel('License count')).toHaveText('1 item');

  // The same URL typed or reloaded gives the same list.
  await page.reload();
  await expect(page.getByLabel('License count')).toHaveText('1 item');
  await expect(page.getByRole('table', { name: 'Licenses' })).not.toContainText('812');
});

test('a project card opens the list filtered to the project; filters change the URL in place', async ({ page, host }) => {
  await host.call('keys:import', { text: DLS2_FIXTURE, mode: 'all-or-nothing' });
  await host.call('licenses:create', license({ itemId: '821', projectCode: '100123456-100654321' }));
  await host.call('licenses:create', license({ itemId: '822' }));
  await page.goto(`${host.url}#/projects`);
  await page.getByRole('button', { name: /Show the 1 license item of 100123456-100654321/ }).click();
  await expect(page).toHaveURL(/#\/licenses\?project=100123456-100654321$/);
  await expect(page.getByLabel('License count')).toHaveText('1 item');

  await page.getByRole('button', { name: 'Item ID' }).click();
  await expect(page).toHaveURL(/project=100123456-100654321&sort=itemId&dir=asc$/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByLabel('License count')).toHaveText('2 items');
  // Filter and sort changes replaced the entry: Back leaves the list for Projects.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Projects', level: 1 })).toBeVisible();
});

test('a write made elsewhere reaches the open page through the data-changed event', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '841' }));
  await page.goto(`${host.url}#/licenses`);
  await expect(page.getByLabel('License count')).toHaveText('1 item');
  // Another client of the same core (here the test itself) adds a license: no reload, no navigation.
  await host.call('licenses:create', license({ itemId: '842' }));
  await expect(page.getByLabel('License count')).toHaveText('2 items');
  await expect(page.getByRole('table', { name: 'Licenses' })).toContainText('842');
});
