import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { callHost } from './fixtures';

const FIXTURES = path.join(__dirname, '../fixtures/portal');

interface PurchaseHost {
  url: string;
  /** Where the host saves files (its HOME's Downloads folder). */
  saveDir: string;
  call<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

/** A host whose saves land in a folder of this test (HOME points into the test's data folder). */
const test = base.extend<{ host: PurchaseHost }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-e2e-po-'));
    const proc: HostProcess = await startHostProcess(path.join(dataDir, 'data'), { HOME: dataDir });
    const call = (channel: string, input: unknown) => callHost(proc.url, channel, input);
    await use({ url: proc.url, saveDir: path.join(dataDir, 'Downloads'), call: call as PurchaseHost['call'] });
    await proc.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

const COMPANY = {
  legalName: 'Acme Scanning Ltd',
  address: { street: '12 Harbour Road', city: 'Halifax', region: 'NS', postalCode: 'B3H 1A1', country: 'Canada' },
  billTo: null,
  shipTo: null,
  phone: '',
  taxId: '',
  billingContact: { name: 'Bea Billing', email: 'billing@acme.example', phone: '' },
  technicalContacts: [{ name: 'Ted Tech', email: 'ted@acme.example', phone: '' }],
  deploymentType: 'dynamsoft-hosted' as const,
};

function license(itemId: string, overrides: Record<string, unknown> = {}) {
  return {
    itemId,
    licenseId: '200300',
    orderId: null,
    productCode: 'DBR',
    edition: 'JavaScript Edition',
    version: null,
    term: 'annual' as const,
    quotaMode: 'scans' as const,
    deviceWindow: null,
    quotaAmount: 10000,
    alias: null,
    activationStatus: 'activated' as const,
    activatedOn: '2026-01-15',
    expiresOn: '2027-01-15',
    maintenanceExpiresOn: null,
    projectCode: null,
    notes: '',
    ...overrides,
  };
}

/** SHOTS=dir keeps light, dark and 1024×700 screenshots of a page, to look at. */
async function shots(page: Page, name: string) {
  const dir = process.env.SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}-light.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(dir, `${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: path.join(dir, `${name}-1024.png`) });
  if (size) await page.setViewportSize(size);
}

/** The share of a canvas's pixels that are not white: text and rules drawn, not a blank page. */
function inkShare(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
    return ink / (data.length / 4);
  });
}

test('a PO from a renewal order: generate the PDF and the .eml, mark it sent, and the order turns Sent', async ({ page, host }) => {
  // The whole flow through the UI, two PDF renders (preview and generate) included.
  test.setTimeout(60_000);
  const policyViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) policyViolations.push(m.text());
  });
  await host.call('company:update', COMPANY);
  const lic = await host.call('licenses:create', license('104200'));
  const order = await host.call('orders:create', { kind: 'renewal', channel: 'purchase-order', requestedOn: '2026-07-10', lines: [{ sourceId: lic.id }] });

  await page.goto(`${host.url}#/purchase/po/new?order=${order.id}`);
  // The first page of a fresh host: on a loaded machine the first load alone can pass 5 s.
  await expect(page.getByRole('heading', { name: 'New purchase order' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(`For order #${order.id}`)).toBeVisible();
  const line = page.getByRole('region', { name: 'Line 1' });
  await expect(line.getByLabel('Product sale name, line 1')).toHaveValue('Dynamsoft Barcode Reader JavaScript Edition');
  await expect(line.getByLabel('Item ID, line 1')).toHaveValue('104200');
  await expect(line.getByLabel('Current expiry, line 1')).toHaveValue('2027-01-15');

  // A price that is not a number is refused at its field, and nothing is saved.
  await line.getByLabel('Unit price, line 1').fill('twelve');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(line.getByText('Use digits with up to two decimals, e.g. 1,249.00')).toBeVisible();
  await line.getByLabel('Unit price, line 1').fill('1,249.00');
  await line.getByLabel('Tax %, line 1').fill('5');
  await expect(page.getByLabel('Total', { exact: true })).toHaveText('USD 1,311.45');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { name: 'Purchase order PO-00001' })).toBeVisible();
  // The preview is the PDF's own first page, drawn by pdf.js under the app's strict policy.
  const preview = page.getByRole('img', { name: 'First page of the PDF of purchase order PO-00001' });
  await expect(preview).toBeVisible();
  await expect(page.getByText('Page 1 of 1.')).toBeVisible();
  expect(await inkShare(preview)).toBeGreaterThan(0.01);
  expect(policyViolations).toEqual([]);
  await shots(page, 'po-builder');

  await page.getByRole('button', { name: 'Generate PDF and e-mail' }).click();
  await expect(page.getByText(/Saved .*PO-00001\.pdf and .*PO-00001\.eml/)).toBeVisible();
  const pdf = path.join(host.saveDir, 'PO-00001.pdf');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('PO number: PO-00001');
  expect(text).toContain('Item ID 104200');
  expect(text).toContain('USD 1,311.45');
  const eml = fs.readFileSync(path.join(host.saveDir, 'PO-00001.eml'), 'latin1');
  expect(eml).toMatch(/^X-Unsent: 1\r\n/);
  expect(eml).toContain('To: Dynamsoft Corporation <sales@dynamsoft.com>');

  await page.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByText(`Order #${order.id} is now Sent too.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as sent' })).toBeDisabled();
  expect((await host.call('orders:get', { id: order.id })).state).toBe('sent');
  await page.getByRole('button', { name: 'All purchase orders' }).click();
  await expect(page.getByRole('table', { name: 'Purchase orders' }).getByRole('row', { name: /PO-00001/ })).toContainText('Sent');
});

test('without a company profile the builder says what to fill in and links to Settings', async ({ page, host }) => {
  await page.goto(`${host.url}#/purchase/po/new`);
  const alert = page.getByRole('alert').filter({ hasText: 'Fill in your company profile' });
  await expect(alert).toContainText('the company legal name and address, a billing contact and at least one technical contact');
  await alert.getByRole('button', { name: 'Open Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Company profile' })).toBeVisible();
  await page.getByRole('button', { name: 'Save company profile' }).click();
  await expect(page.getByText('Enter the company legal name')).toBeVisible();
  await page.getByLabel('Company legal name').fill('Acme Scanning Ltd');
  await page.getByLabel('Address: street').fill('12 Harbour Road');
  await page.getByLabel('Address: city').fill('Halifax');
  await page.getByLabel('Address: country').fill('Canada');
  await page.getByLabel('Billing contact: name').fill('Bea Billing');
  await page.getByLabel('Billing contact: e-mail').fill('billing@acme.example');
  await page.getByLabel('Technical contact 1: name').fill('Ted Tech');
  await page.getByLabel('Technical contact 1: e-mail').fill('not-an-email');
  await page.getByRole('button', { name: 'Save company profile' }).click();
  await expect(page.getByText('Enter an e-mail address like name@example.com')).toBeVisible();
  await page.getByLabel('Technical contact 1: e-mail').fill('ted@acme.example');
  await page.getByRole('button', { name: 'Save company profile' }).click();
  await expect(page.getByText('Saved. New purchase orders use this profile.')).toBeVisible();
  expect((await host.call('company:get'))?.legalName).toBe('Acme Scanning Ltd');
  await shots(page, 'settings-company');
});

test('import a My Orders list and a Quote list, follow an order to its licenses and back', async ({ page, host }) => {
  const lic = await host.call('licenses:create', license('500001', { orderId: '10420317' }));
  await host.call('licenses:create', license('500002', { orderId: '10420317', licenseId: '200301' }));
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  await page.goto(`${host.url}#/purchase?tab=history`);
  await page.getByRole('button', { name: 'Import My Orders list' }).click();
  await page.getByLabel('Pasted table or CSV').fill(fs.readFileSync(path.join(FIXTURES, 'my-orders-pasted.tsv'), 'utf8'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported: 2 added, 0 updated, 3 lines.')).toBeVisible();

  await page.getByRole('button', { name: 'Import Quote list' }).click();
  const quotes = `Id,User Email,Created Time,Organization,Valid Time,Amount,Item Id,Referrer item Id,Product Name,Quantity,Line Amount
7001,bea@acme.example,${day(-5)},Acme Scanning Ltd,${day(-5)} ~ ${day(25)},"USD 2,498.00",501,10420301,DBR JS renewal,2,"2,498.00"
7002,bea@acme.example,2025-06-01,Acme Scanning Ltd,2025-06-01 ~ 2025-07-01,USD 1249,601,,DWT Core Module,1,1249
`;
  await page.getByLabel('Pasted table or CSV').fill(quotes);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported: 2 added, 0 updated, 2 lines.')).toBeVisible();

  const table = page.getByRole('table', { name: 'Purchase history' });
  await expect(table.getByRole('row', { name: /10420317/ })).toContainText('Paid');
  await page.getByRole('button', { name: 'Expand quote 7002' }).click();
  await expect(page.getByText(/This quote expired on Jul 1, 2025/)).toBeVisible();
  await page.getByRole('button', { name: 'Expand quote 7001' }).click();
  await expect(page.getByRole('button', { name: 'Write a PO for this quote' })).toBeVisible();
  await page.getByRole('button', { name: 'Expand order 10420317' }).click();
  await expect(page.getByRole('table', { name: 'Lines of order 10420317' })).toContainText('88101');
  await shots(page, 'purchase-history');

  await page.getByRole('list', { name: 'Licenses of order 10420317' }).getByRole('button', { name: 'Item 500001' }).click();
  await expect(page).toHaveURL(new RegExp(`#/licenses/${lic.id}$`));
  const purchases = page.getByRole('region', { name: 'Purchases' });
  await expect(purchases).toContainText('Came with portal order 10420317 (paid)');
  await purchases.scrollIntoViewIfNeeded();
  await shots(page, 'license-purchases');

  // A valid quote starts a PO that refers to it.
  await page.goto(`${host.url}#/purchase?tab=history`);
  await page.getByRole('button', { name: 'Expand quote 7001' }).click();
  await page.getByRole('button', { name: 'Write a PO for this quote' }).click();
  await expect(page.getByLabel('Dynamsoft quote id')).toHaveValue('7001');
  await expect(page.getByLabel('Quote valid to')).toHaveValue(day(25));
});

test('the Purchase page: three ways to buy and a reseller directory searchable by region', async ({ page, host }) => {
  await page.goto(`${host.url}#/purchase`);
  for (const name of ['Online store', 'Purchase order', 'Reseller']) await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
  await expect(page.getByText('One or more business days')).toBeVisible();
  for (const [name, region, country] of [
    ['Scan Partners GmbH', 'Europe', 'Germany'],
    ['Barcode Asia', 'Asia Pacific', 'Singapore'],
  ]) {
    await page.getByRole('button', { name: 'Add reseller' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a reseller' });
    await dialog.getByLabel('Name').fill(name!);
    await dialog.getByLabel('Region').fill(region!);
    await dialog.getByLabel('Country').fill(country!);
    await dialog.getByLabel('Website').fill('not a url');
    await dialog.getByRole('button', { name: 'Save reseller' }).click();
    await expect(dialog.getByText('Enter a web address like https://example.com')).toBeVisible();
    await dialog.getByLabel('Website').fill('https://reseller.example');
    await dialog.getByRole('button', { name: 'Save reseller' }).click();
    await expect(dialog).toBeHidden();
  }
  const resellers = page.getByRole('table', { name: 'Resellers' });
  await expect(resellers.getByRole('row')).toHaveCount(3);
  await page.getByLabel('Search by region').fill('europe');
  await expect(resellers.getByRole('row')).toHaveCount(2);
  await expect(resellers).toContainText('Scan Partners GmbH');
  await page.getByLabel('Search by region').fill('');
  await shots(page, 'purchase-ways');
});

test('from licenses ticked in the list: "Create purchase order" opens the builder with one renewal line each', async ({ page, host }) => {
  await host.call('company:update', COMPANY);
  await host.call('licenses:create', license('610001', { licenseId: '210001', expiresOn: '2027-02-01' }));
  await host.call('licenses:create', license('610002', { licenseId: '210002', expiresOn: '2027-03-01', edition: 'Android Edition' }));
  await page.goto(`${host.url}#/licenses`);
  const table = page.getByRole('table', { name: 'Licenses' });
  await table.getByLabel('Select item 610001').check();
  await table.getByLabel('Select item 610002').check();
  await page.getByRole('button', { name: 'Create purchase order (2)' }).click();

  await expect(page.getByRole('heading', { name: 'New purchase order' })).toBeVisible();
  const lines = [page.getByRole('region', { name: 'Line 1' }), page.getByRole('region', { name: 'Line 2' })];
  const items = await Promise.all(lines.map((l, i) => l.getByLabel(`Item ID, line ${i + 1}`).inputValue()));
  expect(items.sort()).toEqual(['610001', '610002']);
  for (const [i, l] of lines.entries()) await expect(l.getByLabel(`Description, line ${i + 1}`)).toHaveValue(/^Annual license renewal/);
  await expect(page.getByRole('region', { name: 'Line 3' })).toHaveCount(0);
  await page.goto(`${host.url}#/licenses`);
  await expect(page.getByRole('button', { name: /Create purchase order/ })).toBeHidden();
});

test("the purchase history lists the app's own orders, with the POs written for them", async ({ page, host }) => {
  await host.call('company:update', COMPANY);
  const lic = await host.call('licenses:create', license('104200'));
  const order = await host.call('orders:create', { kind: 'renewal', channel: 'purchase-order', requestedOn: '2026-07-10', lines: [{ sourceId: lic.id }] });
  const lines = await host.call('po:linesForOrder', { orderId: order.id });
  const draft = {
    orderDate: '2026-07-10',
    requestedDelivery: null,
    lines: lines.map((l) => ({ ...l, unitPriceMinor: 124_900, taxBp: 500 })),
    quote: null,
    paymentTerms: 'Net 30',
    deliveryMethod: '',
    requestedBy: { name: '', title: '' },
    approvedBy: { name: '', title: '' },
    notes: '',
    sourceOrderId: order.id,
  };
  const po = await host.call('po:create', draft);
  await host.call('po:markSent', { id: po.id });

  await page.goto(`${host.url}#/purchase?tab=history`);
  const history = page.getByRole('table', { name: 'Purchase history' });
  const row = history.getByRole('row', { name: new RegExp(`Renewal \\(this app\\) #${order.id}`) });
  await expect(row).toContainText('Sent');
  await expect(row).toContainText('PO-00001');
  await expect(row).toContainText('USD 1,311.45');
  await page.getByRole('button', { name: `Expand app order ${order.id}` }).click();
  await shots(page, 'purchase-history-merged');
  await page.getByRole('table', { name: `Lines of app order ${order.id}` }).getByRole('button', { name: 'Item 104200' }).click();
  await expect(page).toHaveURL(new RegExp(`#/licenses/${lic.id}$`));
});
