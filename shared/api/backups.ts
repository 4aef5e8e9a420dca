// The contract of Admin → Backups: back up now into the data folder's
// backups/ (the same single encrypted file as `ehrbs backup`), and the list of
// backups there. The backup's key is wrapped by a passphrase chosen here, so
// a restore (`ehrbs restore`, or "Restore from a backup") needs only the file
// and that passphrase, whatever protects this workstation's own key.
import { z } from 'zod';
import { channel } from './contract';
import { UtcTimestamp } from '../domain/primitives';

export const BackupPassphrase = z
  .string()
  .min(12, 'at least 12 characters: it alone protects the backup')
  .max(200);

export const BackupInfo = z.object({
  fileName: z.string(),
  /** Where it is on this workstation (the data folder's backups/). */
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  createdAt: UtcTimestamp,
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** A backup file's name as listed (never a path: the core finds it in its own folders). */
export const BackupFileName = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,200}$/, 'not a backup listed here');

export const BackupStatus = z.object({
  /** The last backup written completely, by hand or automatically. */
  last: z.object({ at: UtcTimestamp, bytes: z.number().int().nonnegative() }).nullable(),
  /** The last good backup is older than 7 days (or there was none in the clinic's first 7). */
  stale: z.boolean(),
  auto: z
    .object({
      time: z.string(),
      keep: z.number().int(),
      folder: z.string(),
      lastRunAt: UtcTimestamp.nullable(),
      lastError: z.string().nullable(),
      nextAt: UtcTimestamp,
    })
    .nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const AutoBackupRequest = z.discriminatedUnion('enabled', [
  z
    .object({
      enabled: z.literal(true),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 02:30'),
      keep: z.number().int().min(1, 'keep at least 1').max(365, 'at most 365').default(14),
      /** An absolute folder on this computer; empty means the data folder's backups/. */
      folder: z.string().trim().max(1000).default(''),
      passphrase: BackupPassphrase,
    })
    .strict(),
  z.object({ enabled: z.literal(false) }).strict(),
]);

export const backupAutoChannels = {
  'backups.status': channel('backups.status', z.object({}).strict(), BackupStatus, 'backup.run'),
  'backups.configureAuto': channel(
    'backups.configureAuto',
    AutoBackupRequest,
    BackupStatus,
    'backup.run',
  ),
  /** Browser host: a one-time link (valid a minute) the page opens to download the file. */
  'backups.download': channel(
    'backups.download',
    z.object({ fileName: BackupFileName }).strict(),
    z.object({ url: z.string() }),
    'backup.run',
  ),
  /** First run: a backup file on this computer into this still empty workstation. */
  'setup.restoreBackup': channel(
    'setup.restoreBackup',
    z
      .object({
        path: z.string().trim().min(1, 'the backup file').max(1000),
        passphrase: z.string().min(1, 'the backup passphrase').max(200),
      })
      .strict(),
    z.object({ restoredBackupOf: UtcTimestamp }),
    'public',
  ),
} as const;

export const backupChannels = {
  'backups.run': channel(
    'backups.run',
    z.object({ passphrase: BackupPassphrase }).strict(),
    BackupInfo,
    'backup.run',
  ),
  'backups.list': channel('backups.list', z.object({}).strict(), z.array(BackupInfo), 'backup.run'),
  /**
   * Desktop: the user chose where a copy of a listed backup goes (the save
   * dialog, electron/main/backup-save.ts); audited as an export before main
   * copies it, as the browser host's download link is.
   */
  'backups.copied': channel(
    'backups.copied',
    z.object({ fileName: BackupFileName }).strict(),
    z.object({ ok: z.literal(true) }),
    'backup.run',
  ),
  ...backupAutoChannels,
} as const;
