import { expect, test } from './fixtures';
import { license } from './seed';

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

test('a usage reading dated in the future is refused; one far over quota is recorded only once confirmed', async ({ page, host }) => {
  const item = await host.call('licenses:create', license({ itemId: '960001', quotaAmount: 60000, expiresOn: '2030-01-01' }));
  await page.goto(`${host.url}#/licenses/${item.id}`);
  const form = page.getByRole('form', { name: 'Add usage' });
  const tomorrow = new Date(Date.now() + 86_400_000);

  await form.getByLabel('Date').fill(iso(tomorrow));
  await form.getByLabel(/^Used/).fill('1000');
  await form.getByRole('button', { name: 'Add usage' }).click();
  await expect(form).toContainText(/future|later than today|after today/i);
  expect(await host.call('usage:list', { licenseId: item.id })).toEqual([]);

  await form.getByLabel('Date').fill(iso(new Date()));
  await form.getByLabel(/^Used/).fill('99999999');
  await form.getByRole('button', { name: 'Add usage' }).click();
  await expect(page.getByRole('button', { name: 'Record anyway' })).toBeVisible();
  expect(await host.call('usage:list', { licenseId: item.id })).toEqual([]);
  await page.getByRole('button', { name: 'Record anyway' }).click();
  await expect.poll(async () => (await host.call('usage:list', { licenseId: item.id })).map((u) => u.used)).toEqual([99999999]);
});
