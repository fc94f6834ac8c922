import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { license } from './seed';
import { shots } from './shots';

test('Back up now, see it listed, change the data, restore the backup and see the change gone', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '801', alias: 'Kept' }));
  await page.goto(`${host.url}#/settings`);
  const backups = page.getByRole('table', { name: 'Backups' });
  await expect(page.getByText('No backups yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText(/^Backed up and verified/)).toBeVisible();
  await expect(backups.getByRole('row')).toHaveCount(2);
  await expect(backups.getByRole('row').nth(1)).toContainText('Manual');
  await expect(backups.getByRole('row').nth(1)).toContainText('just now');

  // A second folder typed in (the browser host has no folder dialog): the next backup is copied there.
  const second = path.join(host.dataDir, '..', `${path.basename(host.dataDir)}-usb`);
  fs.mkdirSync(second);
  await page.getByLabel('Second folder (full path)').fill(second);
  await page.getByRole('button', { name: 'Use this folder' }).click();
  await expect(page.getByText('Reachable', { exact: true })).toBeVisible();
  await shots(page, 'backups', page.getByRole('heading', { name: 'Backups', level: 2 }));

  // A change after the backup.
  await host.call('licenses:create', license({ itemId: '802', alias: 'Added later' }));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Licenses' }).click();
  const list = page.getByRole('table', { name: 'Licenses' });
  await expect(list.getByRole('row', { name: /802/ })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await backups.getByRole('row').nth(1).getByRole('button', { name: /^Restore the backup of/ }).click();
  const dialog = page.getByRole('dialog', { name: /Restore the backup of/ });
  const compare = dialog.getByRole('table', { name: 'What the backup holds against the current data' });
  await expect(compare.getByRole('row', { name: /Licenses/ })).toContainText(/1\s*2/);
  await shots(page, 'backups-restore');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Restored the backup of/)).toBeVisible();
  // The data replaced was backed up first, and is listed.
  await expect(backups.getByRole('row').nth(1)).toContainText('Before a restore');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Licenses' }).click();
  await expect(list.getByRole('row', { name: /801/ })).toBeVisible();
  await expect(list.getByRole('row', { name: /802/ })).toHaveCount(0);
  fs.rmSync(second, { recursive: true, force: true });
});

test('an empty data file found next to backups: the start banner offers the newest backup and restores it', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '811' }));
  await host.call('backups:create');
  // The data file is lost to 0 bytes while the app is closed (a crash during a sync tool's copy).
  await host.restart(() => {
    const file = path.join(host.dataDir, 'license-desk.sqlite');
    for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });
    fs.writeFileSync(file, '');
  });
  await page.goto(`${host.url}#/licenses`);
  const notices = page.getByRole('region', { name: 'Notices about this start' });
  await expect(notices).toContainText('was empty (0 bytes)');
  await shots(page, 'backups-offer');
  await notices.getByRole('button', { name: /^Restore backup of/ }).click();
  const dialog = page.getByRole('dialog', { name: /Restore the backup of/ });
  await expect(dialog.getByRole('row', { name: /Licenses/ })).toContainText(/1\s*0/);
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Licenses' }).getByRole('row', { name: /811/ })).toBeVisible();
  await expect(notices.getByRole('button', { name: /^Restore backup of/ })).toHaveCount(0);
  // What was found at start is kept, moved aside.
  expect(fs.readdirSync(path.join(host.dataDir, 'quarantine'))).toHaveLength(1);
});

test("a backup whose only copy is in the second folder is listed there, kept as the newest, and restored from it", async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '821', alias: 'On the drive' }));
  const second = path.join(host.dataDir, '..', `${path.basename(host.dataDir)}-share`);
  fs.mkdirSync(second);
  await host.call('backups:chooseFolder', { path: second });
  await host.call('backups:create');
  // The data folder's own copies are lost; the share keeps its copy.
  fs.rmSync(path.join(host.dataDir, 'backups'), { recursive: true, force: true });
  await host.call('licenses:create', license({ itemId: '822', alias: 'After the backup' }));

  await page.goto(`${host.url}#/settings`);
  const backups = page.getByRole('table', { name: 'Backups' });
  const row = backups.getByRole('row').nth(1);
  await expect(row).toContainText('Second folder');
  await expect(row).not.toContainText('Data folder');
  await expect(row).toContainText('newest');
  await shots(page, 'backups-second', backups);
  await row.getByRole('button', { name: /^Restore the backup of/ }).click();
  const dialog = page.getByRole('dialog', { name: /Restore the backup of/ });
  await expect(dialog).toContainText('read from the second folder and checked just now');
  await expect(dialog.getByRole('row', { name: /Licenses/ })).toContainText(/1\s*2/);
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Licenses' }).click();
  const list = page.getByRole('table', { name: 'Licenses' });
  await expect(list.getByRole('row', { name: /821/ })).toBeVisible();
  await expect(list.getByRole('row', { name: /822/ })).toHaveCount(0);
  fs.rmSync(second, { recursive: true, force: true });
});
