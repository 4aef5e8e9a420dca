// One screenshot into docs/screenshots, shared by the screenshot scripts.
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

export const outDir = resolve(import.meta.dirname, '../docs/screenshots');

export async function shot(page: Page, name: string): Promise<void> {
  // Let focus rings and fonts settle; screenshots are for people, not assertions.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}
