// Opens the SQLCipher-4-compatible encrypted database with a raw 256-bit key
// (no per-open PBKDF2), verifies the key before anything is written, then sets
// the pragmas the store relies on.
// Pragmas: https://utelle.github.io/SQLite3MultipleCiphers/docs/configuration/config_sql_pragmas/
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { FIRST_PAGE_DAMAGED, storageFailure } from './store-errors';

export type Db = Database.Database;

export function openEncryptedDatabase(path: string, rawKey: Buffer, opts: { create: boolean }): Db {
  if (rawKey.length !== 32) throw new AppError('WRONG_KEY', 'The store key must be 256 bits.');
  if (!opts.create && !existsSync(path)) {
    throw new AppError('STORE_MISSING', 'No EHRBS store was found in this data directory.');
  }
  // SQLite treats an empty file as an empty database and would happily build
  // a new store in it: an empty store file is refused, untouched.
  if (!opts.create && statSync(path).size === 0) {
    throw new AppError(
      'INTEGRITY_FAILED',
      `${path} is empty: it is not an EHRBS store. Nothing was changed.`,
    );
  }
  const db = new Database(path, { fileMustExist: !opts.create });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${rawKey.toString('hex')}'"`);
    // The first read decrypts page 1: a wrong key fails here, before any write.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    // Every caller's raw key was unwrapped from an authenticated key file (or
    // backup header), so a first page that does not decrypt is damage.
    if (e instanceof Error && 'code' in e && e.code === 'SQLITE_NOTADB') {
      throw new AppError('INTEGRITY_FAILED', FIRST_PAGE_DAMAGED);
    }
    throw storageFailure(e) ?? e;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB of page cache: the default ~2 MiB makes every search decrypt the same index pages again.
  db.pragma('cache_size = -65536');
  return db;
}
