import { expect, test } from './fixtures';
import { license } from './seed';
import { shots } from './shots';

test('a deleted license is listed under the audit log with its item id, product and quota, and restored from there', async ({ page, host }) => {
  const item = (await host.call('licenses:create', license({ itemId: '831', alias: 'Removed by mistake' }))) as { id: number };
  await host.call('licenses:create', license({ itemId: '832', alias: 'Stays' }));
  await host.call('licenses:delete', { id: item.id });

  await page.goto(`${host.url}#/settings/audit`);
  await page.getByRole('button', { name: 'Deleted licenses (1)' }).click();
  const deleted = page.getByRole('table', { name: 'Deleted licenses' });
  const row = deleted.getByRole('row', { name: /831/ });
  await expect(row).toContainText('Removed by mistake');
  await expect(row).toContainText('10,000 scans');
  await shots(page, 'deleted-licenses', page.getByRole('table', { name: 'Deleted licenses' }), { end: true });
  await row.getByRole('button', { name: 'Restore item 831' }).click();
  await expect(page.getByText('Item 831 is back, with its history and usage readings.')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Open item 831, recorded again' })).toBeVisible();
  // The restore is in the log itself.
  await expect(page.getByRole('table', { name: 'Audit log entries' })).toContainText('restore deleted');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Licenses' }).click();
  await expect(page.getByRole('table', { name: 'Licenses' }).getByRole('row', { name: /831/ })).toBeVisible();
});
