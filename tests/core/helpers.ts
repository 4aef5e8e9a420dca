// Test helpers: real encrypted stores in temporary directories.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassphraseKeyWrapper } from '../../electron/core/keys/passphrase-wrapper';
import { repositories } from '../../electron/core/repos/repositories';
import { ClinicStore, type StoreOptions } from '../../electron/core/clinic/clinic-store';
import { setUpClinic } from '../../electron/core/services/clinic-setup';
import { servicesFor } from '../../electron/core/services/services';
import { openCoreApp, type CoreApp } from '../../electron/core/app/core-app';
import {
  defaultSettings,
  type Settings,
  type SettingsStore,
} from '../../electron/core/settings/settings-store';

/** A first-run request for the core's setup.createClinic channel. */
export const HARBOUR_CLINIC = {
  clinicName: 'Harbour Clinic',
  timeZone: 'America/New_York',
  currency: 'USD',
  adminName: 'Ada Admin',
  adminEmail: 'ada@example.test',
  adminPassword: 'a-long-password',
};

/** Settings kept in memory (the app uses electron-store or conf; neither matters to these tests). */
export const memorySettings = (): SettingsStore => {
  const s: Settings = { ...defaultSettings };
  return { get: (k) => s[k], set: (k, v) => void (s[k] = v) };
};

/** Cheap scrypt cost for tests; the real cost is exercised by the key-wrapping tests. */
export const testWrapper = (passphrase = 'correct horse battery') =>
  new PassphraseKeyWrapper(passphrase, { N: 2 ** 10, r: 8, p: 1 });

export function tempDir(prefix = 'ehrbs-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const ADMIN_PASSWORD = 'admin-password-1';

/** A store with a clinic and its admin, logged in. */
export async function clinicFixture(opts: StoreOptions & { clinicName?: string } = {}) {
  const { dir, cleanup } = tempDir();
  const store = await ClinicStore.create(dir, testWrapper(), opts);
  const repos = repositories(store);
  await setUpClinic(store, repos, {
    clinicName: opts.clinicName ?? 'Riverside Clinic',
    timeZone: 'Europe/London',
    currency: 'GBP',
    adminName: 'Ada Admin',
    adminEmail: 'admin@example.test',
    adminPassword: ADMIN_PASSWORD,
  });
  const services = servicesFor(store, repos);
  const admin = await services.auth.login('admin@example.test', ADMIN_PASSWORD);
  return {
    dir,
    store,
    repos,
    services,
    admin,
    close: () => {
      store.close();
      cleanup();
    },
  };
}

/**
 * The app core (dispatch behind both transports) over a fresh data directory,
 * as the browser host and Electron run it. Call `closeAll` in afterEach.
 */
export function coreApps() {
  const open: { app: CoreApp; cleanup: () => void }[] = [];
  return {
    async start(): Promise<CoreApp> {
      const t = tempDir();
      const app = await openCoreApp({
        dataDir: t.dir,
        keyWrapper: testWrapper(),
        settings: memorySettings(),
      });
      open.push({ app, cleanup: t.cleanup });
      return app;
    },
    closeAll(): void {
      for (const { app, cleanup } of open.splice(0)) {
        app.close();
        cleanup();
      }
    },
  };
}
