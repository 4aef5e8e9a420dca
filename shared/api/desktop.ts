// The desktop app's own calls: what only the thin Electron main can do for the
// page, outside the core's contract (a native dialog). The preload exposes
// them as `window.ehrbsDesktop`; the browser host has none and offers a
// download link instead. The bridge's type and IPC names are in
// desktop-bridge.ts, without zod, for the preload bundle.
import { z } from 'zod';
import { BackupFileName } from './backups';

/** Where a backup listed in Admin → Backups (by file name) should be copied: main asks the user. */
export const SaveBackupAsRequest = z.object({ fileName: BackupFileName }).strict();
export type SaveBackupAsRequest = z.infer<typeof SaveBackupAsRequest>;

/** The chosen file (a copy; the backup stays in the data folder's backups/), or null when cancelled. */
export const SaveBackupAsResult = z.object({ savedTo: z.string().nullable() });
export type SaveBackupAsResult = z.infer<typeof SaveBackupAsResult>;
