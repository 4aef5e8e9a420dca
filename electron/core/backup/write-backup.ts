// Writing one backup file (the CLI's `ehrbs backup` and Admin → Backups): a
// consistent snapshot of the store, still encrypted with its key, plus that
// key wrapped by a passphrase, in one file that appears only when complete.
//
// Why VACUUM INTO and not the backup API (better-sqlite3's db.backup()):
// db.backup() opens the target file itself with sqlite3_open_v2 and no URI
// parameters (the addon is built with SQLITE_USE_URI=0), so the target cannot
// be keyed; SQLite3 Multiple Ciphers then refuses the copy ("backup is not
// supported with incompatible source and target databases") rather than write
// plaintext. VACUUM INTO runs inside the store's own connection, in one read
// transaction (a consistent snapshot even while the app keeps writing, as the
// backup API would give), and SQLite3 Multiple Ciphers writes the target with
// the source's cipher and key. We still check the result is encrypted.
import { closeSync, openSync, readSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import type { ClinicStore } from '../clinic/clinic-store';
import { partialPathFor, publish, removeStalePartials } from '../files/output-file';
import { writeBackupFile, type BackupHeader } from './backup-file';

const PLAIN_SQLITE = Buffer.from('SQLite format 3\0', 'ascii');

/** True only if the file is not plain SQLite and cannot be read without a key. */
function isEncrypted(path: string): boolean {
  // The first 16 bytes only: the snapshot can be hundreds of megabytes.
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(PLAIN_SQLITE)) return false;
  const probe = new Database(path, { readonly: true, fileMustExist: true });
  try {
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
}

/**
 * Writes the backup to `out` (which must not exist; the caller checked).
 * `afterSnapshot` lets the CLI's crash tests pause between the two steps.
 */
export async function writeBackup(
  store: ClinicStore,
  out: string,
  keyFile: BackupHeader['keyFile'],
  afterSnapshot: () => Promise<void> = async () => {},
  /** How the snapshot is taken; the app passes one off the main thread (snapshot-worker.ts). */
  snapshot: (path: string) => Promise<void> = async (path) => store.snapshotTo(path),
): Promise<void> {
  removeStalePartials(out);
  const partial = partialPathFor(out);
  const snapshotPath = `${partial}-db`;
  try {
    // Created empty and private first: VACUUM INTO fills an empty file and keeps its mode.
    closeSync(openSync(snapshotPath, 'wx', 0o600));
    await snapshot(snapshotPath);
    await afterSnapshot();
    if (!isEncrypted(snapshotPath)) {
      throw new AppError(
        'INTEGRITY_FAILED',
        'The snapshot came out unencrypted, so no backup was written.',
      );
    }
    await writeBackupFile(partial, snapshotPath, {
      createdAt: store.nowIso(),
      schemaVersion: store.schemaVersion,
      keyFile,
    });
    publish(partial, out);
  } finally {
    // Off the event loop: unlinking a 220 MB snapshot took 150-210 ms in rmSync
    // (bench/backup.bench.ts), a stall at the end of every backup from the app.
    await rm(snapshotPath, { force: true });
    await rm(partial, { force: true });
  }
}
