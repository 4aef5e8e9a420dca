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

export const backupChannels = {
  'backups.run': channel(
    'backups.run',
    z.object({ passphrase: BackupPassphrase }).strict(),
    BackupInfo,
    'backup.run',
  ),
  'backups.list': channel('backups.list', z.object({}).strict(), z.array(BackupInfo), 'backup.run'),
} as const;
