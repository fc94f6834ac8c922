import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { license } from './seed';

/** SHOTS=dir keeps light, dark and 1024×700 screenshots of the Deleted licenses section, to look at. */
async function shots(page: Page, name: string) {
  const dir = process.env.SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const section = page.getByRole('table', { name: 'Deleted licenses' });
  await section.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: path.join(dir, `${name}-light.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(dir, `${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1024, height: 700 });
  await section.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: path.join(dir, `${name}-1024.png`) });
  if (size) await page.setViewportSize(size);
}

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
  await shots(page, 'deleted-licenses');
  await row.getByRole('button', { name: 'Restore item 831' }).click();
  await expect(page.getByText('Item 831 is back, with its history and usage readings.')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Open item 831, recorded again' })).toBeVisible();
  // The restore is in the log itself.
  await expect(page.getByRole('table', { name: 'Audit log entries' })).toContainText('restore deleted');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Licenses' }).click();
  await expect(page.getByRole('table', { name: 'Licenses' }).getByRole('row', { name: /831/ })).toBeVisible();
});
