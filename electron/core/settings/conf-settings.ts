// Settings persisted with `conf` (electron-store's engine without the electron
// import), validated against the Settings schema on every read and write.
// A hand-edited or stale settings file must never stop the app from starting,
// so a bad stored value reads as its default; a bad value passed to `set` is a
// programming or input error and is refused.
import { mkdirSync } from 'node:fs';
import Conf from 'conf';
import { AppError } from '../../../shared/errors';
import { Settings, defaultSettings } from './settings-store';
import type { SettingsStore } from './settings-store';

/** The part of conf / electron-store this module uses; both classes satisfy it. */
export interface KeyValueBackend {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Wraps any conf-like backend in schema validation with per-key fallback to defaults. */
export function validatedSettings(backend: KeyValueBackend): SettingsStore {
  return {
    get(key) {
      const parsed = Settings.shape[key].safeParse(backend.get(key));
      return parsed.success ? (parsed.data as Settings[typeof key]) : defaultSettings[key];
    },
    set(key, value) {
      const parsed = Settings.shape[key].safeParse(value);
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', `The setting "${key}" has an invalid value.`);
      }
      backend.set(key, parsed.data);
    },
  };
}

/** Shared options: a corrupt settings file is discarded rather than fatal (it holds no data). */
/** The file is `settings.json` (conf calls the base name `configName`, electron-store `name`). */
export const settingsFileName = 'settings';

export const settingsFileOptions = {
  defaults: defaultSettings,
  clearInvalidConfig: true,
  // Private whatever the umask (0666 by default), like every other file the app writes.
  configFileMode: 0o600,
  // Keys are flat; dots in them must not create nested objects.
  accessPropertiesByDotNotation: false,
} as const;

/** Settings stored in `<dataDir>/settings.json` (headless modes and tests). */
export function openConfSettings(dataDir: string): SettingsStore {
  // conf would create the folder with the umask's mode; it holds the clinic's store.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const conf = new Conf<Settings>({
    ...settingsFileOptions,
    configName: settingsFileName,
    cwd: dataDir,
  });
  return validatedSettings({
    get: (key) => conf.get(key as keyof Settings),
    set: (key, value) => conf.set(key as keyof Settings, value as Settings[keyof Settings]),
  });
}
