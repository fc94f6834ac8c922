import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { license } from './seed';

const PAGES = ['dashboard', 'licenses', 'license', 'projects', 'orders', 'renewals', 'purchase', 'po', 'notifications', 'settings'] as const;

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violation on any page (${scheme})`, async ({ page, host }) => {
    test.setTimeout(120_000);
    // Every status and tone on screen: red, amber and green chips and countdowns, a project.
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const amber = new Date(Date.now() + 25 * 86_400_000).toISOString().slice(0, 10);
    const first = await host.call('licenses:create', license({ itemId: '950001', expiresOn: soon, activatedOn: '2025-12-01', projectCode: '100123456-100654321' }));
    await host.call('licenses:create', license({ itemId: '950002', expiresOn: amber, activatedOn: '2025-12-01' }));
    await host.call('licenses:create', license({ itemId: '950003', expiresOn: '2025-06-01', activatedOn: '2024-06-01' }));
    await host.call('licenses:create', license({ itemId: '950004', activationStatus: 'new', activatedOn: null, expiresOn: null }));
    await page.emulateMedia({ colorScheme: scheme });
    const base = host.url.replace(/#.*$/, '');
    const found: string[] = [];
    for (const p of PAGES) {
      const hash = p === 'license' ? `#/licenses/${first.id}` : p === 'po' ? '#/purchase/po/new' : `#/${p}`;
      await page.goto(base + hash);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Let data and transitions settle: axe reads colours as painted.
      await page.waitForTimeout(600);
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        found.push(`${p}: ${v.id} (${v.impact}) — ${v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary?.split('\n').slice(1, 2).join('')).slice(0, 4).join(' | ')}`);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
