import path from 'node:path';
import { expect, test } from './fixtures';
import { DLS2_FIXTURE, license } from './seed';

const fixture = (name: string) => path.resolve(__dirname, '../fixtures/portal', name);

test('pasting a DLS2 key creates its project, shown with the key masked', async ({ page, host }) => {
  await page.goto(`${host.url}#/licenses`);
  await page.getByRole('button', { name: 'Import' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import licenses' });
  await dialog.getByRole('tab', { name: 'Paste keys' }).click();
  await dialog.getByLabel('License keys').fill(`${DLS2_FIXTURE}\nnot-a-key`);
  await dialog.getByRole('button', { name: 'Check keys' }).click();
  const check = dialog.getByRole('table', { name: 'Key check' });
  await expect(check).toContainText('100123456-100654321');
  await expect(check).toContainText(/rejected/i);
  await expect(check).not.toContainText(DLS2_FIXTURE);

  // One key is rejected: nothing is written until the bad line is gone.
  await dialog.getByLabel('License keys').fill(DLS2_FIXTURE);
  await dialog.getByRole('button', { name: 'Check keys' }).click();
  await dialog.getByRole('button', { name: 'Import keys' }).click();
  await expect(dialog).toContainText(/1 (project created|new)/i);
  await page.keyboard.press('Escape');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Projects' }).click();
  const projects = page.getByRole('list', { name: 'Projects' });
  await expect(projects.first()).toContainText('100123456-100654321');
  await expect(projects.first()).toContainText('100123456');
  await expect(page.getByText(DLS2_FIXTURE)).toHaveCount(0);
  await page.getByRole('button', { name: 'Reveal key' }).first().click();
  await expect(page.getByText(DLS2_FIXTURE)).toBeVisible();

  // A license on that project is one click away from the project card.
  await host.call('licenses:create', license({ itemId: '601', projectCode: '100123456-100654321' }));
  await host.call('licenses:create', license({ itemId: '602' }));
  await page.reload();
  await page.getByRole('button', { name: 'Show the 1 license item of 100123456-100654321' }).click();
  await expect(page.getByLabel('License count')).toHaveText('1 item');
  await expect(page.getByRole('table', { name: 'Licenses' })).toContainText('601');
});

test('a portal CSV with one bad row writes nothing; the corrected file imports', async ({ page, host }) => {
  await page.goto(`${host.url}#/licenses`);
  await page.getByRole('button', { name: 'Import' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import licenses' });
  await dialog.getByRole('tab', { name: 'CSV or JSON file' }).click();
  await dialog.getByLabel('License file').setInputFiles(fixture('full-license-list-bad-row.csv'));
  const rejected = dialog.getByRole('list', { name: 'Rejected rows' }).or(dialog.getByRole('table', { name: 'Rejected rows' }));
  await expect(rejected.first()).toContainText('Line 8');
  await expect(rejected.first()).toContainText('2025-11-31');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  expect((await host.call('licenses:list', { asOf: '2026-11-26' })).total).toBe(0);

  await dialog.getByLabel('License file').setInputFiles(fixture('full-license-list.csv'));
  await expect(dialog.getByRole('table', { name: 'Import preview' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toContainText(/Imported 15 new/);
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('License count')).toHaveText('15 items');

  // The same file again changes nothing: the same item ids update, never duplicate.
  await page.getByRole('button', { name: 'Import' }).first().click();
  await dialog.getByRole('tab', { name: 'CSV or JSON file' }).click();
  await dialog.getByLabel('License file').setInputFiles(fixture('full-license-list.csv'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toContainText(/Nothing new/);
  expect((await host.call('licenses:list', { asOf: '2026-11-26' })).total).toBe(15);
});
