import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { DLS2_KEY } from '../fixtures/keys';
import { expect, test } from './fixtures';
import { shots } from './shots';

const CLEAR = 'license-desk.sqlite.2025-11-02T09-00-00-000Z';
const SEALED = 'license-desk.sqlite.2026-05-20T10-30-00-000Z';

test('a quarantined file with clear keys: the start notice leads to Settings, where it is deleted after a confirm and leaves the list', async ({ page, host }) => {
  // Two damaged data files moved aside by earlier starts: one from before keys were encrypted.
  await host.restart(() => {
    const dir = path.join(host.dataDir, 'quarantine');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, CLEAR), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(20_000, 0), Buffer.from(DLS2_KEY, 'latin1')]));
    fs.writeFileSync(path.join(dir, SEALED), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4000, 1)]));
  });
  await page.goto(`${host.url}#/licenses`);
  const notices = page.getByRole('region', { name: 'Notices about this start' });
  await expect(notices).toContainText(`${CLEAR} in`);
  await expect(notices).toContainText('holds license keys unencrypted');
  await expect(notices).toContainText('Settings → Quarantined files');
  await notices.getByRole('button', { name: 'Show quarantined files' }).click();

  await expect(page).toHaveURL(/#\/settings\?section=quarantine$/);
  const heading = page.getByRole('heading', { name: 'Quarantined files' });
  await expect(heading).toBeFocused();
  const table = page.getByRole('table', { name: 'Quarantined files' });
  await expect(table.getByRole('row')).toHaveCount(3);
  const clearRow = table.getByRole('row', { name: new RegExp(CLEAR) });
  await expect(clearRow).toContainText('Holds license keys unencrypted');
  await expect(clearRow).toContainText('20 KB');
  await expect(table.getByRole('row', { name: new RegExp(SEALED) })).not.toContainText('unencrypted');
  await expect(page.getByText(DLS2_KEY.slice(0, 30))).toHaveCount(0);
  await shots(page, 'quarantine', page.getByRole('region', { name: 'Quarantined files' }));
  // The warning chip and the notice are read in both schemes: no serious contrast or naming problem.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(400);
    const result = await new AxeBuilder({ page }).include('main').analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${scheme}: ${v.id}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Keep it: nothing goes.
  await clearRow.getByRole('button', { name: `Delete ${CLEAR}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${CLEAR}?` });
  await expect(dialog).toContainText('It cannot be undone');
  await shots(page, 'quarantine-delete');
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  expect(fs.existsSync(path.join(host.dataDir, 'quarantine', CLEAR))).toBe(true);

  await clearRow.getByRole('button', { name: `Delete ${CLEAR}` }).click();
  await dialog.getByRole('button', { name: 'Delete file' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Deleted ${CLEAR}.`)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row', { name: new RegExp(CLEAR) })).toHaveCount(0);
  // Nothing left holds clear keys: the notice is gone with the file.
  await expect(notices).toHaveCount(0);
  expect(fs.readdirSync(path.join(host.dataDir, 'quarantine'))).toEqual([SEALED]);

  // The delete is in the audit log, named by the file.
  const log = await host.call('audit:list', { kind: 'quarantine' });
  expect(log.entries.map((e) => [e.channel, e.subject])).toEqual([['quarantine:delete', `quarantine:${CLEAR}`]]);

  await table.getByRole('button', { name: `Delete ${SEALED}` }).click();
  await page.getByRole('dialog', { name: `Delete ${SEALED}?` }).getByRole('button', { name: 'Delete file' }).click();
  await expect(page.getByText('None: no damaged data file has been moved aside.')).toBeVisible();
});
