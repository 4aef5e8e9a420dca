// SQLite's and the file system's failures in words a person can act on. The
// driver's own messages can quote SQL (and so values): they never pass on.
// A page that fails to decrypt after the key file was unlocked (its AEAD tag
// proved the passphrase) is damage, not a wrong key.
import { AppError } from '../../../shared/errors';

export const DAMAGED =
  'The store file is damaged (SQLite reports a malformed database). Restore it from a backup; nothing was changed.';
export const FIRST_PAGE_DAMAGED =
  'The store file does not decrypt with its key file, which the passphrase did unlock: the store file is damaged, or the key file belongs to another store. Nothing was changed.';
export const DISK_FULL =
  'The disk is full: nothing was saved by this action, and the store is intact. Free some space and try again.';

const codeOf = (e: unknown): string | null => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

/** The typed error for a storage failure, or null if `e` is not one. */
export function storageFailure(e: unknown): AppError | null {
  if (e instanceof AppError) return null;
  const code = codeOf(e);
  if (code === null) return null;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new AppError('INTEGRITY_FAILED', DAMAGED);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'SQLITE_IOERR_WRITE')
    return new AppError('DISK_FULL', DISK_FULL);
  return null;
}
