import { expect, test } from './fixtures';
import { license } from './seed';

const LONG_PROJECT = '100123456-100654321';

for (const size of [
  { width: 1024, height: 700 },
  { width: 900, height: 600 },
]) {
  test(`at ${size.width}×${size.height} the list shows Status and Project without a sideways scroll`, async ({ page, host }) => {
    await host.call('licenses:create', license({ itemId: '700001', productCode: 'DWT', edition: 'Service Edition Core Module', projectCode: LONG_PROJECT }));
    await host.call('licenses:create', license({ itemId: '700002', productCode: 'DCP', edition: 'Windows/Linux Edition', quotaAmount: 100, activationStatus: 'new', activatedOn: null, expiresOn: null }));
    await page.setViewportSize(size);
    await page.goto(host.url.replace(/#.*$/, '') + '#/licenses');
    const table = page.getByRole('table', { name: 'Licenses' });
    await expect(table.getByRole('row')).toHaveCount(3);

    // Status and Project headers lie inside the viewport, and nothing scrolls sideways.
    for (const name of ['Status', 'Project', 'Time left']) {
      const box = (await table.getByRole('columnheader', { name }).boundingBox())!;
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(size.width);
    }
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'hidden' && getComputedStyle(e).overflowX !== 'visible').map((e) => e.className),
    );
    expect(overflow).toEqual([]);

    // The heading and its buttons stay on one line.
    const heading = (await page.getByRole('heading', { level: 1, name: 'Licenses' }).boundingBox())!;
    const add = (await page.getByRole('button', { name: 'Add license' }).boundingBox())!;
    expect(add.height).toBeLessThan(48);
    expect(Math.abs(add.y + add.height / 2 - (heading.y + heading.height / 2))).toBeLessThan(8);

    // The status chip's text is not cut: the chip is as wide as its text.
    const chip = table.getByRole('row', { name: /700002/ }).getByText('Not activated', { exact: true });
    const cut = await chip.evaluate((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1);
    expect(cut).toBe(false);

    // Short product name on screen, the full name for screen readers and on hover.
    const row = table.getByRole('row', { name: /700001/ });
    await expect(row.getByRole('cell', { name: 'Dynamic Web TWAIN · Service Edition Core Module' })).toHaveAttribute('title', 'Dynamic Web TWAIN · Service Edition Core Module');
    await expect(row.locator('[aria-hidden="true"]', { hasText: 'DWT · Service Edition Core Module' })).toBeVisible();
  });
}

test('the side bar collapses to a rail and stays as chosen after a reload', async ({ page, host }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByText('Licenses', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Collapse navigation' }).click();
  await expect(nav.getByText('Licenses', { exact: true })).toHaveCount(0);
  // Each rail item keeps its name.
  await expect(nav.getByRole('button', { name: 'Licenses' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Expand navigation' })).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Expand navigation' }).click();
  await expect(nav.getByText('Licenses', { exact: true })).toBeVisible();
});
