// Settings in the desktop app: electron-store in the user-data directory, with
// the same schema validation and per-key fallback as the headless `conf`
// store (both go through validatedSettings).
import Store from 'electron-store';
import {
  settingsFileName,
  settingsFileOptions,
  validatedSettings,
} from '../core/settings/conf-settings';
import type { Settings, SettingsStore } from '../core/settings/settings-store';

export function openElectronSettings(userDataDir: string): SettingsStore {
  const store = new Store<Settings>({
    ...settingsFileOptions,
    name: settingsFileName,
    cwd: userDataDir,
  });
  return validatedSettings({
    get: (key) => store.get(key as keyof Settings),
    set: (key, value) => store.set(key as keyof Settings, value as Settings[keyof Settings]),
  });
}
