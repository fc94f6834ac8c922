import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

/**
 * SHOTS=dir keeps light, dark and 1024×700 screenshots of a page, to look at; `section` is scrolled
 * into view first (its bottom at the window's bottom with `end`, for a section that ends a page).
 */
export async function shots(page: Page, name: string, section?: Locator, { end = false }: { end?: boolean } = {}) {
  const dir = process.env.SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const show = async () => (end ? section?.evaluate((el) => el.scrollIntoView({ block: 'end' })) : section?.scrollIntoViewIfNeeded());
  await show();
  await page.screenshot({ path: path.join(dir, `${name}-light.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(dir, `${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1024, height: 700 });
  await show();
  await page.screenshot({ path: path.join(dir, `${name}-1024.png`) });
  if (size) await page.setViewportSize(size);
}
