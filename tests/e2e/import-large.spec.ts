import type { Page } from '@playwright/test';
import { generatePortalRows } from '../../bench/generate';
import { expect, test } from './fixtures';

// Enough rows that the import runs for several seconds, so the bar, the cancel and a second page can
// all be seen while it runs: on a fast machine 30,000 rows were written in about three seconds, before
// a Cancel clicked after the bar moved could arrive (the dialog then says it came too late), or before
// the other page had opened. The same staged file is cancelled, then imported to the end.
const ROWS = 100_000;
const AS_OF = '2026-11-26';
const csv = (name: string, rows: number) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(generatePortalRows(rows, 7).text) });

test.setTimeout(180_000);

/** Reads the bar until two different aria-valuenow readings have been seen: the bar moves. */
async function seeBarMove(page: Page): Promise<number[]> {
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        const now = await bar.getAttribute('aria-valuenow', { timeout: 1_000 }).catch(() => null);
        if (now !== null) seen.add(Number(now));
        return seen.size;
      },
      { timeout: 40_000, intervals: [50] },
    )
    .toBeGreaterThanOrEqual(2);
  return [...seen];
}

test('a large portal file: the bar moves, Cancel writes nothing, the import runs to the end while another page answers', async ({ page, host, context }) => {
  await page.goto(`${host.url}#/licenses`);
  await expect(page.getByLabel('License count')).toHaveText('0 items');

  await page.getByRole('button', { name: 'Import' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import licenses' });
  await dialog.getByRole('tab', { name: 'CSV or JSON file' }).click();
  const importButton = dialog.getByRole('button', { name: 'Import', exact: true });

  // First run: watch the determinate bar move, then cancel.
  await dialog.getByLabel('License file').setInputFiles(csv('full-license-list-large.csv', ROWS));
  await expect(dialog.getByText(`Ready to import ${ROWS.toLocaleString('en-US')} new items`)).toBeVisible({ timeout: 60_000 });
  await importButton.click();
  expect((await seeBarMove(page)).length).toBeGreaterThanOrEqual(2);
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'The import was cancelled. Nothing was written.' })).toBeVisible({ timeout: 15_000 });
  expect((await host.call('licenses:list', { asOf: AS_OF })).total).toBe(0);
  await expect(page.getByLabel('License count')).toHaveText('0 items');

  // Second run of the same staged file, to the end; meanwhile another page of the app opens and answers.
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await seeBarMove(page);
  const other = await context.newPage();
  await other.goto(`${host.url}#/projects`);
  await expect(other.getByRole('heading', { name: 'Projects' })).toBeVisible({ timeout: 10_000 });
  const stillRunning = await page.getByRole('progressbar', { name: 'Import progress' }).isVisible();
  expect(stillRunning, 'the other page answered while the import was still running').toBe(true);

  await expect(dialog).toContainText(`Imported ${ROWS} new`, { timeout: 60_000 });
  await page.keyboard.press('Escape');
  // The refresh queues behind the other open pages' reminder lists, which take seconds at this size on the IPC thread.
  await expect(page.getByLabel('License count')).toHaveText(`${ROWS.toLocaleString('en-US')} items`, { timeout: 45_000 });
  // The page that opened during the import sees the new data once it finishes ("data changed" event).
  await other.goto(`${host.url}#/licenses`);
  await expect(other.getByLabel('License count')).toHaveText(`${ROWS.toLocaleString('en-US')} items`, { timeout: 45_000 });
  await other.close();
});
