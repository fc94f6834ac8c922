import { expect, test } from './fixtures';
import { license } from './seed';

// The renderer computes statuses and countdowns from its own clock, which Playwright controls here;
// the host's list filters use the date the page sends, so both agree.
test('statuses and countdowns follow a controlled clock', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '201', expiresOn: '2026-11-26', alias: 'last-day' }));
  await host.call('licenses:create', license({ itemId: '202', expiresOn: '2026-12-06', alias: 'red' }));
  await host.call('licenses:create', license({ itemId: '203', expiresOn: '2026-12-20', alias: 'amber' }));
  await host.call('licenses:create', license({ itemId: '204', expiresOn: '2027-06-01', alias: 'fine' }));
  await host.call('licenses:create', license({ itemId: '205', expiresOn: '2026-11-01', alias: 'gone' }));
  await host.call('licenses:create', license({ itemId: '206', activationStatus: 'new', activatedOn: null, expiresOn: null, alias: 'fresh' }));
  const grace = await host.call('licenses:create', license({ itemId: '207', expiresOn: '2027-06-01', quotaAmount: 1000, alias: 'over' }));
  await host.call('usage:add', { licenseId: grace.id, takenOn: '2026-11-20', used: 1040 });

  await page.clock.install({ time: new Date(2026, 10, 26, 18, 30) });
  await page.goto(`${host.url}#/licenses`);
  const table = page.getByRole('table', { name: 'Licenses' });
  const row = (itemId: string) => table.getByRole('row', { name: new RegExp(`\\b${itemId}\\b`) });

  await expect(row('201')).toContainText('5 h 30 min');
  await expect(row('201')).toContainText('Expires soon');
  await expect(row('202')).toContainText('10 days');
  await expect(row('202')).toContainText('Expires soon');
  await expect(row('203')).toContainText('24 days');
  await expect(row('203')).toContainText('Expiring');
  await expect(row('204')).toContainText('Active');
  await expect(row('205')).toContainText('Expired');
  await expect(row('205')).toContainText('24 days ago');
  await expect(row('206')).toContainText('Not activated');
  await expect(row('207')).toContainText('In overuse grace');
  await expect(row('207')).toContainText('1,040 / 1,000');

  // Past midnight the last-day licence has stopped: a hard stop, no grace.
  await page.clock.fastForward('06:00:00');
  await expect(row('201')).toContainText('Expired today');
});
