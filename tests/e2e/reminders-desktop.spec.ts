import { DEFAULT_REMINDER_SETTINGS } from '../../shared/domain/reminders';
import { expect, test } from './fixtures';
import { license } from './seed';

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

test('the Settings reminder section saves, and its values survive a reload', async ({ page, host }) => {
  await page.goto(`${host.url}#/settings`);
  const form = page.getByRole('form', { name: 'Renewal reminders' });
  await form.getByLabel('Lead time (business days)', { exact: true }).fill('15');
  await form.getByLabel('Remind at (days before order-by)').fill('0, 60 30');
  await form.getByLabel('Daily digest at').fill('08:30');
  await form.getByLabel('Follow up a sent order after (days)').fill('5');
  await form.getByRole('switch', { name: 'Desktop notification with the daily digest' }).uncheck();
  await form.getByRole('button', { name: 'Save reminders' }).click();
  await expect(form.getByText('Saved. Reminders and calendar exports now use these settings.')).toBeVisible();
  // Saved in the order reminders come, latest first.
  await expect(form.getByLabel('Remind at (days before order-by)')).toHaveValue('60, 30, 0');

  await page.reload();
  await expect(form.getByLabel('Lead time (business days)', { exact: true })).toHaveValue('15');
  await expect(form.getByLabel('Remind at (days before order-by)')).toHaveValue('60, 30, 0');
  await expect(form.getByLabel('Daily digest at')).toHaveValue('08:30');
  await expect(form.getByLabel('Follow up a sent order after (days)')).toHaveValue('5');
  await expect(form.getByRole('switch', { name: 'Desktop notification with the daily digest' })).not.toBeChecked();
  expect(await host.call('reminders:settings')).toEqual({ leadTimeDays: 15, offsets: [60, 30, 0], digestTime: '08:30', desktopNotifications: false, followUpDays: 5, overrides: [] });

  // A bad value is refused at the field, and the stored settings stay as they were.
  await form.getByLabel('Daily digest at').fill('');
  await form.getByRole('button', { name: 'Save reminders' }).click();
  await expect(form.getByText('Use the form HH:MM (24-hour)')).toBeVisible();
  expect((await host.call('reminders:settings')).digestTime).toBe('08:30');
});

// The browser's Notification, recorded: a headless browser shows none, and a click is the test's to make.
const FAKE_NOTIFICATION = () => {
  const shown: { title: string; body: string; onclick: (() => void) | null; closed: boolean }[] = [];
  class FakeNotification {
    static permission: NotificationPermission = 'default';
    static async requestPermission() {
      FakeNotification.permission = 'granted';
      return 'granted' as const;
    }
    onclick: (() => void) | null = null;
    closed = false;
    constructor(
      readonly title: string,
      options?: { body?: string },
    ) {
      shown.push(Object.assign(this, { body: options?.body ?? '' }));
    }
    close() {
      this.closed = true;
    }
  }
  Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true, writable: true });
  Object.defineProperty(window, '__shown', { value: shown });
};

test('in the browser host the digest is a web notification once allowed from Settings; clicking it opens the digest', async ({ page, host }) => {
  // Due today on the host's own clock: a license added today whose 30-day reminder has passed.
  const today = new Date();
  const expires = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 40);
  await host.call('licenses:create', license({ itemId: '601', expiresOn: iso(expires), alias: 'kiosk' }));
  await host.call('reminders:updateSettings', { ...DEFAULT_REMINDER_SETTINGS, desktopNotifications: false });
  await page.addInitScript(FAKE_NOTIFICATION);

  await page.goto(`${host.url}#/settings`);
  const form = page.getByRole('form', { name: 'Renewal reminders' });
  await expect(form.getByText(/only if you allow it/)).toBeVisible();
  // Nothing was asked on load.
  expect(await page.evaluate(() => Notification.permission)).toBe('default');
  await form.getByRole('button', { name: 'Allow browser notifications' }).click();
  await expect(form.getByText('This browser shows the daily digest as a notification.', { exact: false })).toBeVisible();
  await expect(form.getByRole('button', { name: 'Allow browser notifications' })).toHaveCount(0);

  // Notifications on, with a digest time already past: the digest comes at once, once.
  await form.getByLabel('Daily digest at').fill('00:00');
  await form.getByRole('switch', { name: 'Desktop notification with the daily digest' }).check();
  await form.getByRole('button', { name: 'Save reminders' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __shown: { title: string }[] }).__shown.map((n) => n.title))).toEqual(['License Desk: 1 reminder']);
  await expect(form.getByText(/Last digest: /)).toBeVisible();

  await page.evaluate(() => (window as unknown as { __shown: { onclick: () => void }[] }).__shown[0]!.onclick());
  await expect(page).toHaveURL(new RegExp(`#/notifications\\?day=${iso(today)}$`));
  const heading = page.getByRole('heading', { level: 2, name: /^Today, / });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('region', { name: /^Today, / }).getByRole('listitem')).toContainText('(kiosk)');

  // Saving again the same day shows nothing more: one digest a day, remembered by the host.
  await page.goto(`${host.url}#/settings`);
  await page.getByRole('form', { name: 'Renewal reminders' }).getByRole('button', { name: 'Save reminders' }).click();
  await expect(page.getByText('Saved. Reminders and calendar exports now use these settings.')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __shown: unknown[] }).__shown.length)).toBe(0);
  expect((await host.call('reminders:desktop')).lastDigestOn).toBe(iso(today));
});

test("a sent renewal order's follow-up opens the order; an expiry reminder opens the license", async ({ page, host }) => {
  // Both on the host's own clock: the order is sent today, the follow-up comes 7 days later.
  const today = new Date();
  const inDays = (n: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() + n);
  const ordered = await host.call('licenses:create', license({ itemId: '701', expiresOn: iso(inDays(40)), alias: 'ordered' }));
  const order = await host.call('orders:create', { kind: 'renewal', channel: 'store', requestedOn: iso(today), markSent: true, lines: [{ sourceId: ordered.id }] });
  const ending = await host.call('licenses:create', license({ itemId: '702', expiresOn: iso(inDays(8)), alias: 'ending' }));

  await page.clock.install({ time: new Date(inDays(8).setHours(10)) });
  await page.goto(`${host.url}#/notifications`);
  await page.getByRole('button', { name: `Open order #${order.id} for Dynamsoft Barcode Reader · JavaScript Edition (ordered)` }).click();
  await expect(page).toHaveURL(new RegExp(`#/orders\\?order=${order.id}$`));
  await expect(page.getByRole('button', { name: `Order #${order.id}` })).toHaveAttribute('aria-expanded', 'true');

  await page.goBack();
  await page.getByRole('button', { name: /^Open .*\(ending\), item 702$/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/licenses/${ending.id}$`));
});
