import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays } from '../../shared/domain/term';
import { expect, test, type Host } from './fixtures';
import { license } from './seed';

const HOSTED = '100123456-100654321';
const SELF = '100123456-200000001';
const SHOTS = path.join('.test-output', 'wizard-screenshots');

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const today = localToday();
const inDays = (n: number) => addDays(today, n);

/** A wizard step in light and dark at the default size, and light at 1024×700, for review by eye. */
async function shoot(page: Page, name: string) {
  if (!process.env.WIZARD_SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize()!;
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: path.join(SHOTS, `${name}-light.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(SHOTS, `${name}-dark.png`) });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: path.join(SHOTS, `${name}-1024.png`) });
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: 'light' });
}

async function seed(host: Host) {
  const a = await host.call('licenses:create', license({ itemId: '300001', projectCode: HOSTED, activatedOn: addDays(inDays(40), -365), expiresOn: inDays(40) }));
  await host.call('usage:add', { licenseId: a.id, takenOn: inDays(-60), used: 2_000 });
  await host.call('usage:add', { licenseId: a.id, takenOn: inDays(-30), used: 4_500 });
  await host.call('usage:add', { licenseId: a.id, takenOn: today, used: 7_000 });
  const b = await host.call('licenses:create', license({ itemId: '300002', projectCode: SELF, activatedOn: addDays(inDays(60), -365), expiresOn: inDays(60) }));
  await host.call('projects:setHosting', { handshakeCode: HOSTED, hosting: 'dynamsoft' });
  await host.call('projects:setHosting', { handshakeCode: SELF, hosting: 'self' });
  return { a, b };
}

// Screenshots at three sizes take time on a loaded machine.
test.beforeEach(() => {
  if (process.env.WIZARD_SHOTS) test.setTimeout(180_000);
});

const wizard = (page: Page) => page.getByRole('dialog');
const next = (page: Page) => wizard(page).getByRole('button', { name: 'Next' }).click();

test('renew a Dynamsoft-hosted license from its detail page', async ({ page, host }) => {
  const { a } = await seed(host);
  await page.goto(`${host.url}#/licenses/${a.id}`);
  await expect(page.getByRole('region', { name: 'Quota forecast' })).toContainText(/Runs out \d+ days before expiry: add about/);
  await page.getByRole('button', { name: 'Renew', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Renew item 300001' });
  const plan = dialog.getByRole('table', { name: 'Renewal plan' });
  // Before expiry the new year starts on the old expiry: no day lost.
  await expect(plan).toContainText(new Date(`${inDays(40)}T00:00`).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' }));
  await expect(plan).toContainText('at the old expiry: no day lost');
  await expect(plan).toContainText(addDays(inDays(40), 365).slice(0, 4));
  await shoot(page, 'renew-1-plan');
  await next(page);
  await expect(dialog).toContainText(`the new license attaches to handshake code ${HOSTED} automatically; your key does not change`);
  await shoot(page, 'renew-2-hosting-dynamsoft');
  await next(page);
  await expect(dialog.getByRole('link', { name: 'Open the online store' })).toHaveAttribute('href', 'https://www.dynamsoft.com/store/dynamsoft-barcode-reader/');
  await dialog.getByLabel('I have already placed this order (record it as sent)').check();
  await shoot(page, 'renew-3-channel');
  await next(page);
  await shoot(page, 'renew-4-review');
  await dialog.getByRole('button', { name: 'Record order' }).click();
  await expect(dialog.getByText(/Order #1 recorded as/)).toContainText('Order #1 recorded as sent');
  await shoot(page, 'renew-5-done');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('region', { name: 'Renewals and orders' })).toContainText('#1 Renewal · Sent');
  const [order] = await host.call('orders:list', {});
  expect(order).toMatchObject({ kind: 'renewal', channel: 'store', state: 'sent', lines: [{ itemId: '300001', requestedStart: inDays(40) }] });
});

test('renew a self-hosted license: the checklist is ticked and remembered across a reload', async ({ page, host }) => {
  const { b } = await seed(host);
  await page.goto(`${host.url}#/licenses/${b.id}`);
  await page.getByRole('button', { name: 'Renew', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Renew item 300002' });
  await next(page);
  await expect(dialog).toContainText('Self-hosted License Server: when the renewal arrives');
  await expect(dialog.getByRole('button', { name: `Copy project ${SELF}` })).toBeVisible();
  await shoot(page, 'renew-2-hosting-self');
  await next(page);
  await dialog.getByRole('radio', { name: /^Purchase order/ }).check();
  await next(page);
  await dialog.getByRole('button', { name: 'Record order' }).click();
  await expect(dialog).toContainText('Order #1 recorded as draft');
  await dialog.getByLabel('Download the new license file').check();
  await expect(dialog.getByLabel('Download the new license file')).toBeChecked();
  await dialog.getByLabel('Import it into the License Server').check();
  await expect(dialog.getByLabel('Import it into the License Server')).toBeEnabled();
  await shoot(page, 'renew-5-done-checklist');

  await page.goto(`${host.url}#/orders`);
  await page.reload();
  await page.getByRole('button', { name: 'Order #1' }).click();
  const detail = page.getByRole('region', { name: 'Order #1' });
  await expect(detail.getByLabel('Download the new license file')).toBeChecked();
  await expect(detail.getByLabel('Import it into the License Server')).toBeChecked();
  await expect(detail.getByLabel(`Attach it to project ${SELF}`)).not.toBeChecked();
  // The transition table decides the buttons: a draft can be sent or cancelled, not fulfilled.
  await detail.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(detail).toContainText('Draft → Sent');
  await expect(detail.getByRole('button', { name: 'Mark as sent' })).toBeDisabled();
  await shoot(page, 'orders-page');
});

test('renew several licenses from Upcoming renewals, co-termed to one date', async ({ page, host }) => {
  await seed(host);
  const c = await host.call('licenses:create', license({ itemId: '300003', projectCode: HOSTED, activatedOn: addDays(inDays(20), -365), expiresOn: inDays(20) }));
  await host.call('licenses:create', license({ itemId: '300004', projectCode: HOSTED, activatedOn: addDays(inDays(75), -365), expiresOn: inDays(75) }));
  await host.call('licenses:create', license({ itemId: '300005', activatedOn: addDays(inDays(200), -365), expiresOn: inDays(200) }));
  await page.goto(`${host.url}#/renewals`);
  const table = page.getByRole('table', { name: 'Licenses expiring soon' });
  // Look-ahead 90 days by default, soonest first, with the days left.
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').nth(1)).toContainText('300003');
  await expect(table.getByRole('row').nth(1)).toContainText('20 days');
  await expect(table).not.toContainText('300005');
  await table.getByLabel('Select item 300003').check();
  await table.getByLabel('Select item 300004').check();
  await page.getByRole('button', { name: 'Renew selected (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Renew 2 licenses' });
  await dialog.getByLabel('Align every new expiry to one date (co-terming)').check();
  const aligned = addDays(inDays(75), 365);
  await expect(dialog.getByLabel('Aligned expiry')).toHaveValue(aligned);
  await expect(dialog.getByRole('table', { name: 'Renewal plan' })).toContainText(`${55} days gained`);
  await shoot(page, 'renew-multi-1-coterm');
  await next(page);
  await next(page);
  await dialog.getByRole('radio', { name: /^Reseller/ }).check();
  await expect(dialog.getByRole('button', { name: 'Next' })).toBeDisabled();
  // The reseller comes from the reseller directory; a new name is added to it on the spot.
  await dialog.getByRole('combobox', { name: /^Reseller/ }).fill('ComponentSource');
  await page.getByRole('option', { name: 'Add “ComponentSource” to the reseller directory…' }).click();
  const add = page.getByRole('dialog', { name: 'Add a reseller' });
  await expect(add.getByLabel('Name')).toHaveValue('ComponentSource');
  await add.getByLabel('Region').fill('Europe');
  await add.getByRole('button', { name: 'Save reseller' }).click();
  await expect(add).toBeHidden();
  await expect(dialog.getByRole('combobox', { name: /^Reseller/ })).toHaveValue('ComponentSource');
  expect((await host.call('resellers:list', { region: '' })).map((r) => r.name)).toEqual(['ComponentSource']);
  await next(page);
  await dialog.getByRole('button', { name: 'Record order' }).click();
  await expect(dialog).toContainText('Order #1 recorded as draft');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Order #1 open');
  const order = await host.call('orders:get', { id: 1 });
  expect(order.coTermOn).toBe(aligned);
  expect(order.lines.map((l) => [l.sourceId, l.requestedEnd, l.daysAdjusted])).toEqual([
    [c.id, aligned, 55],
    [expect.any(Number), aligned, 0],
  ]);
});

test('Renew selected from a multi-selection in the license list', async ({ page, host }) => {
  await seed(host);
  await page.goto(`${host.url}#/licenses`);
  const table = page.getByRole('table', { name: 'Licenses' });
  await table.getByLabel('Select item 300001').check();
  await table.getByLabel('Select item 300002').check();
  await page.getByRole('button', { name: 'Renew selected (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Renew 2 licenses' });
  await expect(dialog.getByRole('table', { name: 'Renewal plan' })).toContainText('300002');
  await shoot(page, 'renew-from-list');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: /Renew selected/ })).toBeHidden();
});

test('add quota: quantity, the project total and forecast, then the order; refused for an expired license', async ({ page, host }) => {
  const { a } = await seed(host);
  await page.goto(`${host.url}#/licenses/${a.id}`);
  await page.getByRole('button', { name: 'Add quota' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add quota to item 300001' });
  await expect(dialog.getByLabel('Quota to add')).toHaveValue('10000');
  await dialog.getByRole('button', { name: '×2' }).click();
  await expect(dialog.getByLabel('Quota to add')).toHaveValue('20000');
  await expect(dialog.getByLabel('Project total')).toContainText('10,000 scans on 1 license now → 30,000 scans with this order');
  await shoot(page, 'quota-1-quantity');
  await next(page);
  await shoot(page, 'quota-2-hosting');
  await next(page);
  await shoot(page, 'quota-3-channel');
  await next(page);
  await shoot(page, 'quota-4-review');
  await dialog.getByRole('button', { name: 'Record order' }).click();
  await expect(dialog).toContainText('Order #1 recorded as draft');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect((await host.call('orders:get', { id: 1 })).lines[0]).toMatchObject({ quantity: 20_000, handshakeCode: HOSTED });

  const old = await host.call('licenses:create', license({ itemId: '300009', projectCode: HOSTED, activatedOn: addDays(inDays(-3), -365), expiresOn: inDays(-3) }));
  await page.goto(`${host.url}#/licenses/${old.id}`);
  await page.getByRole('button', { name: 'Add quota' }).click();
  const refused = page.getByRole('dialog', { name: 'Add quota to item 300009' });
  await expect(refused).toContainText(`Item 300009 expired on ${new Date(`${inDays(-3)}T00:00`).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' })}: quota can only be added before a license expires. Renew it instead.`);
  await expect(refused.getByRole('button', { name: 'Next' })).toBeDisabled();
  await shoot(page, 'quota-refused-expired');
});

test('the arriving license, imported from a file, is linked to the order: lineage on both details and the order fulfilled', async ({ page, host }) => {
  const { a } = await seed(host);
  await host.call('orders:create', { kind: 'renewal', channel: 'store', requestedOn: today, markSent: true, lines: [{ sourceId: a.id }] });
  const newEnd = addDays(inDays(40), 365);
  const csv = [
    'Item Id,License Item,Version Info,License Status,Accumulated Quota,Usage/Maintenance Expiry Date,Operation',
    `300101,"Dynamsoft Barcode Reader JavaScript Edition - All Barcode Types (Annual Runtime License for 10,000 barcode scans)",11.X,Active,10000,${newEnd},License Detail`,
  ].join('\n');
  await page.goto(`${host.url}#/licenses`);
  await page.getByRole('button', { name: 'Import' }).first().click();
  const importer = page.getByRole('dialog', { name: 'Import licenses' });
  await importer.getByRole('tab', { name: 'CSV or JSON file' }).click();
  await importer.getByLabel('License file').setInputFiles({ name: 'renewal.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await importer.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importer).toContainText(/Imported 1 new/);
  await page.keyboard.press('Escape');

  const arrived = (await host.call('licenses:list', { asOf: today, search: '300101' })).rows[0]!;
  await page.goto(`${host.url}#/licenses/${arrived.id}`);
  const offer = page.getByRole('region', { name: 'Pending orders' });
  await expect(offer).toContainText('This license may be the one ordered in order #1: renewal of item 300001, 10,000 scans.');
  await shoot(page, 'fulfil-offer');
  await offer.getByRole('button', { name: 'Link to order #1' }).click();
  await expect(offer).toBeHidden();
  const lineage = page.getByRole('region', { name: 'Renewals and orders' });
  await expect(lineage.getByLabel('Renewal chain')).toContainText('Item 300001');
  await expect(lineage.getByLabel('Renewal chain')).toContainText('Item 300101 (this one)');
  await expect(lineage).toContainText('#1 Renewal · Fulfilled · arrived as this license');
  // The arrival joined the project it was bought for.
  await expect(page.getByRole('table', { name: 'Draw order' })).toContainText('300001');

  await lineage.getByRole('link', { name: 'Item 300001' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dynamsoft Barcode Reader');
  const oldLineage = page.getByRole('region', { name: 'Renewals and orders' });
  await expect(oldLineage.getByLabel('Renewal chain')).toContainText('Item 300101');
  await expect(oldLineage).toContainText('Renewed: this license stays valid until its own expiry');
  // Still valid, so the server draws on the old one now.
  const draw = page.getByRole('table', { name: 'Draw order' });
  await expect(draw.getByRole('row').nth(1)).toContainText('300001');
  await expect(draw.getByRole('row').nth(1)).toContainText('In use now');
  await shoot(page, 'fulfil-lineage-old');

  await page.goto(`${host.url}#/orders?state=fulfilled`);
  await expect(page.getByRole('table', { name: 'Orders' })).toContainText('Fulfilled');
});
