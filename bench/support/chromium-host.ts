// The one way the Chromium benchmarks get a browser and the app: the renderer
// built from the current source (once per process, so `npm run bench` builds
// it once), Debian's Chromium with the e2e flags, and the real browser host
// (`ehrbs-start --web`) on a data dir the bench seeded. What each bench
// measures stays in the bench; this only starts and stops things.
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumLaunchOptions, contextOptions } from '../../tests/e2e/support/chromium';
import { startHostOn, type RunningHost } from '../../tests/e2e/support/host-process';

const root = resolve(import.meta.dirname, '../..');
let built: Promise<unknown> | null = null;

/** The host serves dist/renderer: build it from the current source, once per process. */
export function buildRenderer(): Promise<unknown> {
  built ??= build({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
  return built;
}

/** Chromium as the e2e tests launch it. */
export const launchChromium = (): Promise<Browser> => chromium.launch(chromiumLaunchOptions);

export interface ChromiumHost {
  readonly host: RunningHost;
  readonly browser: Browser;
  /** A new page in a new context with the tests' viewport, locale and time zone. */
  newPage(): Promise<Page>;
  /** Closes the browser, then stops the host. */
  close(): Promise<void>;
}

/** The renderer built, the host started on dataDir, and Chromium launched. */
export async function startChromiumHost(
  dataDir: string,
  passphrase: string,
): Promise<ChromiumHost> {
  await buildRenderer();
  const host = await startHostOn(dataDir, passphrase);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await host.stop();
    throw e;
  }
  return {
    host,
    browser,
    newPage: () => browser.newPage(contextOptions),
    async close() {
      try {
        await browser.close();
      } finally {
        await host.stop();
      }
    },
  };
}

/** For benches that make their own contexts (web-startup: one per cold launch). */
export { contextOptions };
