import { addDays, format } from 'date-fns';
import { expect, test } from './fixtures';
import { license } from './seed';

/** A DLS2 key for project `n`: the key is base64 JSON after the "DLS2" prefix. */
function dls2(n: number): { code: string; key: string } {
  const org = String(100000000 + n);
  const code = `${org}-${String(200000000 + n)}`;
  const json = JSON.stringify({ handshakeCode: code, mainServerURL: 'https://mdls.dynamsoftonline.com', organizationID: org, standbyServerURL: 'https://sdls.dynamsoftonline.com', checkCode: n });
  return { code, key: `DLS2${Buffer.from(json).toString('base64')}` };
}

test('the Projects page renders only the cards on screen, searches, and the list filters by a searched project', async ({ page, host }) => {
  const keys = Array.from({ length: 60 }, (_, i) => dls2(i + 1));
  await host.call('keys:import', { text: keys.map((k) => k.key).join('\n'), mode: 'all-or-nothing' });
  await host.call('licenses:create', license({ itemId: '831', projectCode: keys[41]!.code }));
  await host.call('licenses:create', license({ itemId: '832', projectCode: keys[2]!.code }));

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${host.url}#/projects`);
  await expect(page.getByLabel('Project count')).toHaveText('60 projects');
  const cards = page.getByRole('list', { name: 'Projects' }).getByRole('article');
  await expect(cards.first()).toBeVisible();
  // Virtualized: far fewer than 60 cards are in the page.
  expect(await cards.count()).toBeLessThan(20);

  await page.getByLabel('Search projects').fill(keys[41]!.code.slice(0, 9));
  await expect(page.getByLabel('Project count')).toHaveText('1 of 60 projects');
  await expect(page).toHaveURL(new RegExp(`#/projects\\?q=${keys[41]!.code.slice(0, 9)}$`));
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(keys[41]!.code);
  await page.getByLabel('Search projects').fill('no such project');
  await expect(page.getByText('No project matches')).toBeVisible();

  // The Licenses page's project filter finds a project by typing part of its code.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Licenses' }).click();
  await expect(page.getByLabel('License count')).toHaveText('2 items');
  const filter = page.getByRole('combobox', { name: 'Project' });
  await filter.click();
  await filter.fill(keys[2]!.code.slice(0, 9));
  await page.getByRole('option', { name: keys[2]!.code }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('License count')).toHaveText('1 item');
  await expect(page).toHaveURL(new RegExp(`project=${keys[2]!.code}`));
  await expect(page.getByRole('table', { name: 'Licenses' })).toContainText('832');
});

test("a project card sums its licenses' quota per product and says whether it lasts to expiry", async ({ page, host }) => {
  const { code, key } = dls2(7);
  const day = (n: number) => format(addDays(new Date(), n), 'yyyy-MM-dd');
  const term = { activatedOn: day(-300), expiresOn: day(60), projectCode: code };
  await host.call('keys:import', { text: key, mode: 'all-or-nothing' });
  const a = await host.call('licenses:create', license({ itemId: '841', ...term }));
  await host.call('licenses:create', license({ itemId: '842', ...term }));
  await host.call('licenses:create', license({ itemId: '843', ...term, productCode: 'DWT', quotaMode: 'pages', quotaAmount: 5000 }));
  // 12,000 scans drawn in two months on a 20,000-scan project with two months left: it will not last.
  await host.call('usage:add', { licenseId: a.id, takenOn: day(-60), used: 4000 });
  await host.call('usage:add', { licenseId: a.id, takenOn: day(-1), used: 16000 });

  await page.goto(`${host.url}#/projects`);
  const quota = page.getByRole('table', { name: `Quota on ${code}` });
  const scans = quota.getByRole('row').filter({ hasText: '20,000 scans' });
  await expect(scans).toContainText('2 licenses');
  await expect(scans).toContainText(/Runs out \d+ days? before expiry/);
  await expect(quota.getByRole('row').filter({ hasText: '5,000 pages' })).toContainText('1 license');
  await scans.getByRole('button', { name: /Chart: the forecast/ }).click();
  await expect(page.getByLabel(new RegExp(`Projected usage of .* on project ${code}`))).toBeVisible();
});
