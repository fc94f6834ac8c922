import type { Page } from '@playwright/test';
import { generatePortalRows } from '../../bench/generate';
import { expect, test } from './fixtures';

// Enough rows that the import runs for a few seconds (about 15 s for the whole test on an idle
// 2-core machine), so the bar, the cancel and a second page can all be seen while it runs. The
// timeout leaves room for a machine busy with other work.
const ROWS = 30_000;
const AS_OF = '2026-11-26';
const CSV = generatePortalRows(ROWS, 7).text;

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
  const file = { name: 'full-license-list-large.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) };
  await page.goto(`${host.url}#/licenses`);
  await expect(page.getByLabel('License count')).toHaveText('0 items');

  await page.getByRole('button', { name: 'Import' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import licenses' });
  await dialog.getByRole('tab', { name: 'CSV or JSON file' }).click();
  await dialog.getByLabel('License file').setInputFiles(file);
  await expect(dialog.getByRole('table', { name: 'Import preview' })).toBeVisible({ timeout: 40_000 });
  const importButton = dialog.getByRole('button', { name: 'Import', exact: true });

  // First run: watch the determinate bar move, then cancel.
  await importButton.click();
  expect((await seeBarMove(page)).length).toBeGreaterThanOrEqual(2);
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByRole('alert').or(dialog.getByText('The import was cancelled. Nothing was written.')).first()).toContainText(
    'The import was cancelled. Nothing was written.',
    { timeout: 15_000 },
  );
  expect((await host.call('licenses:list', { asOf: AS_OF })).total).toBe(0);
  await expect(page.getByLabel('License count')).toHaveText('0 items');

  // Second run, to the end; meanwhile another page of the app opens and answers.
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
