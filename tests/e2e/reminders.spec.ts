import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { expect, test } from './fixtures';
import { license } from './seed';
import { weekdayWords } from '../../shared/status/date-words';

// Lead time 10 business days (the default). Dates in 2030, so they are after the day the host creates
// the licenses whenever this runs.
// alpha: expires Mon 1 Apr 2030 → order by Mon 18 Mar → the 14-day reminder is on Mon 4 Mar, the 7-day on Mon 11 Mar.
// gamma: expires Mon 17 Jun 2030 → order by Mon 3 Jun → its first (90-day) reminder is on Tue 5 Mar.
test('the bell counts what is due, the digest groups it by day, snooze brings it back a day later', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '301', expiresOn: '2030-04-01', alias: 'alpha', projectCode: '100200-web' }));
  await host.call('licenses:create', license({ itemId: '302', expiresOn: '2030-06-17', alias: 'gamma', productCode: 'DWT', edition: 'Core Module' }));
  await host.call('licenses:create', license({ itemId: '303', expiresOn: '2031-06-02', alias: 'far off' }));

  await page.clock.install({ time: new Date(2030, 2, 4, 10, 0) });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  const bell = page.getByRole('banner').getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications, 1 due');

  // The next day: gamma's first reminder joins; the bell follows the local day, with no reload.
  await page.clock.fastForward('24:00:00');
  await expect(bell).toHaveAccessibleName('Notifications, 2 due');

  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const today = page.getByRole('region', { name: 'Today, Tuesday, March 5, 2030' });
  const yesterday = page.getByRole('region', { name: 'Yesterday, Monday, March 4, 2030' });
  await expect(today.getByRole('listitem')).toHaveCount(1);
  await expect(today.getByRole('listitem')).toContainText(`Order the renewal by ${weekdayWords('2030-06-03')}`);
  await expect(today.getByRole('listitem')).toContainText('Dynamic Web TWAIN · Core Module (gamma)');
  await expect(yesterday.getByRole('listitem')).toContainText(`Order the renewal by ${weekdayWords('2030-03-18')}`);

  await page.mouse.move(600, 650); // no tooltip over the digest
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `.test-output/screenshots/digest-${scheme}-1024x700.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Snooze alpha for a day: it leaves the list and the count.
  await yesterday.getByRole('button', { name: /^Snooze .*alpha/ }).click();
  await page.getByRole('menuitem', { name: 'For a day' }).click();
  await expect(bell).toHaveAccessibleName('Notifications, 1 due');
  await expect(yesterday).toHaveCount(0);

  // A day later it is back, in that day's digest.
  await page.clock.fastForward('24:00:00');
  const wednesday = page.getByRole('region', { name: 'Today, Wednesday, March 6, 2030' });
  await expect(wednesday.getByRole('listitem')).toContainText('(alpha)');
  await expect(bell).toHaveAccessibleName('Notifications, 2 due');

  // Dismissed is remembered across a restart of the host; nothing comes back.
  await page.getByRole('button', { name: /^Dismiss .*gamma/ }).click();
  await expect(bell).toHaveAccessibleName('Notifications, 1 due');
  await page.goto(await host.restart());
  await expect(bell).toHaveAccessibleName('Notifications, 1 due');

  // An order-by reminder's Open is the renew wizard for its license, over the digest.
  await page.goto(`${host.url.split('?')[0]}#/notifications`);
  await page.getByRole('button', { name: /^Renew .*alpha/ }).click();
  const wizard = page.getByRole('dialog', { name: 'Renew item 301' });
  await expect(wizard).toBeVisible();
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(wizard).toHaveCount(0);
  await expect(page).toHaveURL(/#\/notifications$/);
});

/** The VEVENTs of an .ics, parsed back with ical.js. */
function parseEvents(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return { uid: e.uid, summary: e.summary, start: e.startDate.toString(), alarms: c.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))) };
  });
}

test('the calendar export saves an .ics in the host folder with an order-by and an expiry event per license', async ({ page, host }) => {
  await host.call('licenses:create', license({ itemId: '401', expiresOn: '2030-04-01', alias: 'alpha', projectCode: '100200-web' }));
  await host.call('licenses:create', license({ itemId: '402', expiresOn: '2030-06-17', alias: 'gamma', productCode: 'DWT', edition: 'Core Module' }));
  await page.clock.install({ time: new Date(2030, 2, 4, 10, 0) });
  await page.goto(`${host.url}#/notifications`);
  await page.getByRole('button', { name: 'Export calendar (.ics)' }).click();
  const first = path.join(host.saveFolder, 'license-desk-all-licenses.ics');
  await expect(page.getByText(`Saved 4 calendar events to ${first}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show in folder' })).toBeVisible();
  const events = parseEvents(fs.readFileSync(first, 'utf8'));
  fs.mkdirSync('.test-output', { recursive: true });
  fs.writeFileSync('.test-output/reminders-calendar-events.json', JSON.stringify(events, null, 2));
  expect(events.map((e) => [e.uid, e.start])).toEqual([
    ['order-by-401@license-desk', '2030-03-18'],
    ['expiry-401@license-desk', '2030-04-01'],
    ['order-by-402@license-desk', '2030-06-03'],
    ['expiry-402@license-desk', '2030-06-17'],
  ]);
  // The 30-day alarm would be Saturday 16 February: it rings on Friday the 15th, 31 days before.
  expect(events[0]!.alarms).toEqual(['-P89DT15H', '-P59DT15H', '-P30DT15H', '-P13DT15H', '-P6DT15H', 'PT9H']);

  // A second export is a new file beside the first (nothing overwritten) with the same UIDs.
  await page.getByRole('button', { name: 'Export calendar (.ics)' }).click();
  const second = path.join(host.saveFolder, 'license-desk-all-licenses (1).ics');
  await expect(page.getByText(`Saved 4 calendar events to ${second}`)).toBeVisible();
  expect(parseEvents(fs.readFileSync(second, 'utf8')).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
});
