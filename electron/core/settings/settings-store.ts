// Settings only (never secrets): electron-store in the desktop app, `conf`
// (same API, no electron import) in the headless modes and tests.
import { z } from 'zod';

export const Settings = z.object({
  syncServerUrl: z.string().url().nullable(),
  windowBounds: z
    .object({
      x: z.number().int(),
      y: z.number().int(),
      width: z.number().int().min(400),
      height: z.number().int().min(300),
    })
    .nullable(),
  idleLockMinutes: z.number().int().min(1).max(240),
  lastUserEmail: z.string().max(254).nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  syncServerUrl: null,
  windowBounds: null,
  idleLockMinutes: 5,
  lastUserEmail: null,
};

export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Settings[K];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}
