import { expect, test } from './fixtures';
import { license } from './seed';

test('a search without matches says so and offers Clear search; Escape clears it too', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '901' }));
  await page.goto(`${host.url}#/licenses`);
  const search = page.getByRole('searchbox', { name: 'Search licenses' });
  await search.fill('zzzz-nothing');
  await expect(page.getByRole('status').filter({ hasText: 'No licenses match “zzzz-nothing”.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Licenses' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await expect(page.getByRole('table', { name: 'Licenses' }).getByRole('row', { name: /901/ })).toBeVisible();

  await search.fill('zzzz');
  await expect(page.getByText('No licenses match “zzzz”.')).toBeVisible();
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.getByRole('table', { name: 'Licenses' }).getByRole('row', { name: /901/ })).toBeVisible();
});

test('keyboard: / and Ctrl+F focus search, Ctrl+N adds, Ctrl+I imports, F1 and ? list them', async ({ page, host }) => {
  await page.goto(`${host.url}#/dashboard`);
  await expect(page).toHaveTitle('Dashboard — License Desk');
  await page.keyboard.press('/');
  await expect(page).toHaveTitle('Licenses — License Desk');
  const search = page.getByRole('searchbox', { name: 'Search licenses' });
  await expect(search).toBeFocused();
  // Typing "/" in the box is text, not a shortcut.
  await page.keyboard.type('a/b');
  await expect(search).toHaveValue('a/b');
  await search.press('Escape');
  await page.getByRole('heading', { level: 1, name: 'Licenses' }).click();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();

  await page.keyboard.press('Control+n');
  await expect(page.getByRole('dialog', { name: 'Add license' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Add license' })).toBeHidden();
  await page.keyboard.press('Control+i');
  await expect(page.getByRole('dialog', { name: 'Import licenses' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Import licenses' })).toBeHidden();

  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Ctrl+N');
  await expect(help).toContainText('Import licenses or keys');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.getByRole('heading', { level: 1, name: 'Licenses' }).click();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
});

test('each page has its window title, and navigation moves focus to its heading', async ({ page, host }) => {
  await page.goto(`${host.url}#/dashboard`);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [name, title, heading] of [
    ['Projects', 'Projects — License Desk', 'Projects'],
    ['Settings', 'Settings — License Desk', 'Settings'],
    ['Licenses', 'Licenses — License Desk', 'Licenses'],
  ] as const) {
    await nav.getByRole('button', { name }).click();
    await expect(page).toHaveTitle(title);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
  }
});
