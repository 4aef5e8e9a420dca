// The app core as one object: the store for a data directory, the services and
// the handler registry behind `dispatch`. Electron's main process and the
// browser host both create exactly one of these and route every request to it.
import { existsSync } from 'node:fs';
import type { Dispatch } from '../api/dispatch';
import { createDispatch, type DispatchLog } from '../api/create-dispatch';
import { patientsHandlers } from '../api/handlers/patients-handlers';
import { sessionHandlers } from '../api/handlers/session-handlers';
import { syncHandlers } from '../api/handlers/sync-handlers';
import { schedulingHandlers } from '../api/handlers/scheduling-handlers';
import { adminHandlers } from '../api/handlers/admin-handlers';
import type { KeyWrapper } from '../keys/key-wrapper';
import type { SettingsStore } from '../settings/settings-store';
import { ClinicStore } from '../store/clinic-store';
import { storePaths } from '../store/paths';
import { CoreRuntime } from './core-runtime';

export interface CoreAppOptions {
  /** Directory holding the encrypted store (created on first run). */
  dataDir: string;
  /** Wraps the store's raw key at rest (safeStorage, passphrase, or a local key file). */
  keyWrapper: KeyWrapper;
  settings: SettingsStore;
  /** Wall clock, injectable for tests. */
  now?: () => number;
  log?: DispatchLog;
}

export interface CoreApp {
  readonly dispatch: Dispatch;
  readonly runtime: CoreRuntime;
  close(): void;
}

export async function openCoreApp(options: CoreAppOptions): Promise<CoreApp> {
  const now = options.now ?? Date.now;
  const runtime = new CoreRuntime(options.dataDir, options.keyWrapper, options.settings, now);
  // An existing store is opened (and its key checked) now, so a wrong key fails at start, not at first use.
  if (existsSync(storePaths(options.dataDir).database)) {
    runtime.attach(await ClinicStore.open(options.dataDir, options.keyWrapper, { now }));
  }
  const dispatch = createDispatch(
    {
      ...sessionHandlers(runtime),
      ...patientsHandlers(runtime),
      ...syncHandlers(runtime),
      ...schedulingHandlers(runtime),
      ...adminHandlers(runtime),
    },
    options.log,
  );
  return { dispatch, runtime, close: () => runtime.close() };
}
