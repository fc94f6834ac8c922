import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { license } from './seed';

test('the browser host saves to the folder named in Settings, checked first; exports land there', async ({ page, host }) => {
  const chosen = path.join(host.dataDir, 'my exports');
  fs.mkdirSync(chosen);
  await page.goto(`${host.url}#/settings`);
  const section = page.getByRole('form', { name: 'Save folder' });
  const field = section.getByLabel('Folder');
  // Before a folder is named, the host's default is in use (here the test's --save-folder).
  await expect(section).toContainText(`Now: ${host.saveFolder}`);

  await field.fill(path.join(host.dataDir, 'not there'));
  await section.getByRole('button', { name: 'Save folder' }).click();
  await expect(section).toContainText(`${path.join(host.dataDir, 'not there')} does not exist. Create it first, or choose another folder.`);

  await field.fill(chosen);
  await section.getByRole('button', { name: 'Save folder' }).click();
  await expect(section.getByRole('alert')).toHaveText(`Files are now saved to ${chosen}.`);
  await page.screenshot({ path: test.info().outputPath('save-folder.png'), fullPage: true });

  await host.call('licenses:create', license({ itemId: '701' }));
  const exported = await host.call('licenses:export', { asOf: '2026-11-26', format: 'csv' });
  expect(exported.saved?.path).toBe(path.join(chosen, path.basename(exported.saved!.path)));
  expect(fs.readFileSync(exported.saved!.path, 'utf8')).toContain('701');

  // Back to the default: kept after a reload.
  await section.getByRole('button', { name: 'Use default' }).click();
  await page.reload();
  await expect(page.getByRole('form', { name: 'Save folder' })).toContainText(`Now: ${host.saveFolder}`);
});
