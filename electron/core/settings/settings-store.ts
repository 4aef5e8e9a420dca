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
  /**
   * Automatic backups. `keyFile` is the store key wrapped by the passphrase the
   * admin typed when turning them on (the same blob every backup file carries),
   * so the passphrase itself is never stored.
   */
  autoBackup: z
    .object({
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      keep: z.number().int().min(1).max(365),
      folder: z.string().min(1),
      keyFile: z.object({ format: z.literal(1), wrapper: z.string(), wrapped: z.string() }),
      /** When they were turned on: the first run is the first chosen time after it. */
      enabledAt: z.string(),
      lastRunAt: z.string().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable(),
  /** The last backup that was written completely (by hand or automatically). */
  lastBackup: z.object({ at: z.string(), bytes: z.number().int(), path: z.string() }).nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  syncServerUrl: null,
  windowBounds: null,
  idleLockMinutes: 5,
  lastUserEmail: null,
  autoBackup: null,
  lastBackup: null,
};

export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Settings[K];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}
