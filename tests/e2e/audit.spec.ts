import { expect, test } from './fixtures';
import { license } from './seed';

test('a change shows in the audit log, filtered by item, and the log verifies intact', async ({ page, host }) => {
  const created = (await host.call('licenses:create', license({ itemId: '880101', alias: 'Front desk' }))) as { id: number };
  await host.call('licenses:create', license({ itemId: '880102' }));
  await page.goto(`${host.url}#/licenses/${created.id}`);

  // A change made in the UI: edit the alias on the detail page.
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Alias').fill('Back office');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  const own = page.getByRole('table', { name: "This license's audit entries" });
  await expect(own.getByRole('row')).toHaveCount(3); // heading, update, create
  await expect(own.getByRole('row').nth(1)).toContainText('Licenses · update');
  await expect(own.getByRole('row').nth(1)).toContainText('changed: alias');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Open the audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  const entries = page.getByRole('table', { name: 'Audit log entries' });
  await expect(entries.getByRole('row')).toHaveCount(4);
  await expect(entries.getByRole('row').nth(1)).toContainText('Licenses · update');
  await expect(entries.getByRole('row').nth(1)).toContainText('Item 880101');

  await page.getByLabel('Item ID').fill('880102');
  await page.getByLabel('Item ID').press('Enter');
  await expect(entries.getByRole('row')).toHaveCount(2);
  await expect(page).toHaveURL(/#\/settings\/audit\?item=880102/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  // The cleared list settles before the menu opens: a re-render under an opening menu ate the option's click once.
  await expect(entries.getByRole('row')).toHaveCount(4);
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Settings' }).click();
  await expect(page.getByRole('listbox', { name: 'Kind' })).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveText('Settings');
  await expect(page.getByText('No entry matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(entries.getByRole('row')).toHaveCount(4);

  await page.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Intact' })).toContainText('all 3 entries check out');
});
