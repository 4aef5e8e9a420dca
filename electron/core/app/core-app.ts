// The app core as one object: the store for a data directory, the services and
// the handler registry behind `dispatch`. Electron's main process and the
// browser host both create exactly one of these and route every request to it.
import type { Dispatch } from '../api/dispatch';
import type { KeyWrapper } from '../keys/key-wrapper';
import type { SettingsStore } from '../settings/settings-store';

export interface CoreAppOptions {
  /** Directory holding the encrypted store (created on first run). */
  dataDir: string;
  /** Wraps the store's raw key at rest (safeStorage, passphrase, or a local key file). */
  keyWrapper: KeyWrapper;
  settings: SettingsStore;
  /** Wall clock, injectable for tests. */
  now?: () => number;
}

export interface CoreApp {
  readonly dispatch: Dispatch;
  close(): void;
}

export async function openCoreApp(_options: CoreAppOptions): Promise<CoreApp> {
  throw new Error('openCoreApp: not implemented yet');
}
