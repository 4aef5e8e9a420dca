// The app core as one object: the workstation (store, services, session) for
// a data directory and the handler registry behind `dispatch`. Electron's main
// process and the browser host both create exactly one of these and route
// every request to it.
import { existsSync } from 'node:fs';
import type { Dispatch } from '../api/dispatch';
import { createDispatch, type DispatchLog } from '../api/create-dispatch';
import { handlers } from '../api/handlers';
import { ClinicStore } from '../clinic/clinic-store';
import type { KeyWrapper } from '../keys/key-wrapper';
import type { SettingsStore } from '../settings/settings-store';
import { storePaths } from '../store/paths';
import { Workstation } from '../workstation/workstation';
import { workstationServices, type WorkstationServices } from '../workstation/workstation-services';

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
  readonly workstation: Workstation;
  /** The workstation's own services (tests drive the automatic backups' check through it). */
  readonly services: WorkstationServices;
  close(): void;
}

const PUSH_AT_ONCE = new Set(['messages.start', 'messages.reply']);

export async function openCoreApp(options: CoreAppOptions): Promise<CoreApp> {
  const now = options.now ?? Date.now;
  const workstation = new Workstation(options.dataDir, options.keyWrapper, options.settings, now);
  // An existing store is opened (and its key checked) now, so a wrong key fails at start, not at first use.
  if (existsSync(storePaths(options.dataDir).database)) {
    workstation.attach(await ClinicStore.open(options.dataDir, options.keyWrapper, { now }));
  }
  const host = {
    workstation: workstationServices(workstation),
    requireSession: () => workstation.requireSession(),
  };
  const inner = createDispatch(host, handlers, options.log);
  // A message is pushed at once rather than at the scheduler's next change check (up to 2 s):
  // with the receiver's head probe, that keeps "sent on A, shown on B" to a couple of seconds.
  const dispatch: Dispatch = async (channel, request) => {
    const result = await inner(channel, request);
    if (result.ok && PUSH_AT_ONCE.has(channel)) workstation.scheduler?.nudge();
    return result;
  };
  return {
    dispatch,
    workstation,
    services: host.workstation,
    close: () => workstation.close(),
  };
}
