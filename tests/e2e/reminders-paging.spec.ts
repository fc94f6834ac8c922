import { expect, test } from './fixtures';
import { license } from './seed';

// 55 licenses expiring Tue 2 Apr 2030 (order by Tue 19 Mar: the 14-day reminder is on Tue 5 Mar) and
// 10 expiring Mon 1 Apr 2030 (order by Mon 18 Mar: the 14-day one on Mon 4 Mar). Read on Tue 5 Mar:
// 55 due today and 10 yesterday, 65 in all, more than the 50 a page shows.
test('the notifications centre shows a page at a time: keyboard paging, a digest continued across pages, dismiss, and a day opened on its page', async ({ page, host }) => {
  for (let i = 0; i < 65; i++) {
    const today = i < 55;
    await host.call('licenses:create', license({ itemId: `${700 + i}`, expiresOn: today ? '2030-04-02' : '2030-04-01', alias: `${today ? 'today' : 'yesterday'} ${String(i).padStart(2, '0')}` }));
  }
  await page.clock.install({ time: new Date(2030, 2, 5, 10, 0) });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${host.url}#/notifications`);
  const bell = page.getByRole('banner').getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications, 65 due');

  const pages = page.getByRole('navigation', { name: 'Reminder pages', exact: true });
  const todays = page.getByRole('region', { name: 'Today, Tuesday, March 5, 2030' });
  await expect(pages).toContainText('1–50 of 65');
  await expect(todays.getByRole('listitem')).toHaveCount(50);
  await expect(todays).toContainText('55 reminders, 50 on this page');
  await expect(page.getByRole('region', { name: /^Yesterday/ })).toHaveCount(0);

  // By keyboard: the next page, where today's digest goes on and yesterday's follows.
  await pages.getByRole('button', { name: 'Go to next page' }).focus();
  await page.keyboard.press('Enter');
  await expect(pages).toContainText('51–65 of 65');
  const continued = page.getByRole('region', { name: 'Today, Tuesday, March 5, 2030 (continued)' });
  const yesterday = page.getByRole('region', { name: 'Yesterday, Monday, March 4, 2030' });
  await expect(continued.getByRole('listitem')).toHaveCount(5);
  await expect(continued).toContainText('55 reminders, 5 on this page');
  await expect(yesterday.getByRole('listitem')).toHaveCount(10);
  await expect(yesterday).toContainText('10 reminders');

  // No tooltip in the picture: the pointer off the list, the focus off the paging button.
  await page.mouse.move(600, 690);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `.test-output/screenshots/notifications-page-2-${scheme}-1024x700.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Dismiss on the second page: it goes from the page, the outline and the bell.
  await yesterday.getByRole('button', { name: /^Dismiss .*yesterday 60\)$/ }).click();
  await expect(bell).toHaveAccessibleName('Notifications, 64 due');
  await expect(yesterday.getByRole('listitem')).toHaveCount(9);
  await expect(pages).toContainText('51–64 of 64');
  // Snooze works from a later page too.
  await yesterday.getByRole('button', { name: /^Snooze .*yesterday 61\)$/ }).click();
  await page.getByRole('menuitem', { name: 'For a day' }).click();
  await expect(bell).toHaveAccessibleName('Notifications, 63 due');
  await expect(yesterday.getByRole('listitem')).toHaveCount(8);

  // Opened on a day (as a desktop digest opens it): the page where that day begins, its heading focused.
  await page.goto(`${host.url.split('?')[0]}#/`);
  await page.goto(`${host.url}#/notifications?day=2030-03-04`);
  await expect(page.getByRole('heading', { level: 2, name: 'Yesterday, Monday, March 4, 2030' })).toBeFocused();
  await expect(pages).toContainText('51–63 of 63');

  // More per page: everything on one, and the paging controls stay.
  await pages.getByRole('combobox', { name: /Reminders per page/ }).click();
  await page.getByRole('option', { name: '100' }).click();
  await expect(pages).toContainText('1–63 of 63');
  await expect(todays.getByRole('listitem')).toHaveCount(55);
  await expect(todays).toContainText('55 reminders');
  await expect(page.getByRole('region', { name: 'Yesterday, Monday, March 4, 2030' }).getByRole('listitem')).toHaveCount(8);
});
