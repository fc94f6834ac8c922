import { expect, test } from './fixtures';
import { license } from './seed';

test('the dashboard counts statuses, lists the next to expire and opens a filtered list', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '401', expiresOn: '2026-12-01' }));
  await host.call('licenses:create', license({ itemId: '402', expiresOn: '2026-10-01' }));
  await host.call('licenses:create', license({ itemId: '403', expiresOn: '2027-05-01' }));
  const risky = await host.call('licenses:create', license({ itemId: '404', expiresOn: '2027-05-01', quotaAmount: 100 }));
  await host.call('usage:add', { licenseId: risky.id, takenOn: '2026-11-20', used: 95 });

  await page.clock.setFixedTime(new Date(2026, 10, 26, 9, 0));
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  const next = page.getByRole('table', { name: 'Next to expire' });
  await expect(next.getByRole('row').nth(1)).toContainText('401');
  await expect(next.getByRole('row').nth(1)).toContainText('5 days');
  await expect(next).not.toContainText('402');
  await expect(page.getByRole('table', { name: 'Quota at risk' })).toContainText('404');
  await expect(page.getByRole('img', { name: /expir/i })).toBeVisible();

  await page.getByRole('button', { name: /^1 Expired/ }).click();
  await expect(page.getByLabel('License count')).toHaveText('1 item');
  await expect(page.getByRole('table', { name: 'Licenses' })).toContainText('402');
});
