// "Back up now" on the desktop: after the core wrote the backup into the data
// folder's backups/, main asks where a copy should go (a native save dialog)
// and copies it there. Everything but the dialog is here, in plain Node (no
// `electron` import), so it is tested with real files; main.ts passes the
// dialog in as `askWhere`. The copy is atomic: written beside the target
// under a temporary name, flushed, then renamed, so the chosen name never
// holds half a backup. Cancelling copies nothing; the backup stays where the
// core wrote it either way. A copy is audited by the core (backups.copied)
// once a place is chosen, before it is written.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { BackupInfo } from '../../shared/api/backups';
import type { ApiResult } from '../../shared/api/contract';
import { desktopIpc } from '../../shared/api/desktop-bridge';
import { SaveBackupAsRequest, type SaveBackupAsResult } from '../../shared/api/desktop';
import { AppError, toErrorPayload } from '../../shared/errors';
import type { IpcLog, IpcRegistry } from './ipc-handlers';
import { isTrustedSender } from './ipc-sender';

const BackupList = z.array(BackupInfo);

/** Copies `source` to `target` atomically (temp name in the target's folder, then rename). */
export async function copyFileAtomic(source: string, target: string): Promise<void> {
  // Same folder as the target: a rename across file systems would not be atomic.
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
  try {
    await copyFile(source, temp, constants.COPYFILE_EXCL);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

const copyFailure = (e: unknown): AppError =>
  (e as NodeJS.ErrnoException).code === 'ENOSPC'
    ? new AppError(
        'DISK_FULL',
        'There is not enough space there for the backup. Choose another place.',
      )
    : new AppError(
        'UNAVAILABLE',
        'The copy could not be written there. Choose another folder; the backup is still in the data folder.',
      );

export interface SaveBackupDeps {
  /** The core's backups.list for the current session (its capability check decides who may). */
  list(): Promise<ApiResult<unknown>>;
  /** The core's backups.copied: audits the export; a refusal (locked meanwhile) stops the copy. */
  audit(fileName: string): Promise<ApiResult<unknown>>;
  /** The native save dialog: the chosen path, or null when cancelled. */
  askWhere(defaultName: string): Promise<string | null>;
}

/** Asks where, then copies the listed backup there. Never throws: failures come back as an ApiResult. */
export async function saveBackupAs(
  deps: SaveBackupDeps,
  request: unknown,
): Promise<ApiResult<SaveBackupAsResult>> {
  try {
    const parsed = SaveBackupAsRequest.safeParse(request);
    if (!parsed.success)
      throw new AppError('VALIDATION_FAILED', 'That is not a backup listed here.');
    const listed = await deps.list();
    if (!listed.ok) return listed;
    // The core's dispatch is untyped on this side: read its answer with the contract's schema.
    const backups = BackupList.parse(listed.value);
    const backup = backups.find((b) => b.fileName === parsed.data.fileName);
    if (!backup) throw new AppError('NOT_FOUND', 'There is no such backup on this workstation.');
    const target = await deps.askWhere(backup.fileName);
    if (target === null) return { ok: true, value: { savedTo: null } };
    const audited = await deps.audit(backup.fileName);
    if (!audited.ok) return audited;
    // Chosen the file itself (the data folder's backups/): it is already there.
    if (resolve(target) !== resolve(backup.path)) {
      try {
        await copyFileAtomic(backup.path, target);
      } catch (e) {
        throw copyFailure(e);
      }
    }
    return { ok: true, value: { savedTo: target } };
  } catch (e) {
    return { ok: false, error: toErrorPayload(e) };
  }
}

/** Registers the desktop calls (only our own page's main frame may use them); returns the disposer. */
export function registerDesktopHandlers(
  ipc: IpcRegistry,
  deps: SaveBackupDeps,
  log: IpcLog,
): () => void {
  ipc.handle(desktopIpc.saveBackupAs, async (event, request) => {
    if (!isTrustedSender(event.senderFrame)) {
      log.refusedSender(desktopIpc.saveBackupAs);
      return {
        ok: false,
        error: toErrorPayload(new AppError('FORBIDDEN', 'This window may not use the app.')),
      };
    }
    return saveBackupAs(deps, request);
  });
  return () => ipc.removeHandler(desktopIpc.saveBackupAs);
}
