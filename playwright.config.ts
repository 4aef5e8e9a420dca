// End-to-end tests against the real browser host, in Debian's Chromium (the
// CI machines cannot download Playwright's browsers). One worker: each test
// starts its own host process, and the machines have two cores.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions, contextOptions } from './tests/e2e/support/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' },
    ],
  ],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    ...contextOptions,
    trace: 'retain-on-failure',
  },
});
