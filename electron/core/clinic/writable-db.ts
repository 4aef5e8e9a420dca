// The writable handle of an open ClinicStore. Importing this module is allowed
// only to the one write path (write/), the replication path
// (sync/apply-remote.ts) and this folder: eslint.config.js enforces it, so a
// write that skips the mutation function cannot be written elsewhere.
import type { WritableDB } from '../store/db-handles';

const handles = new WeakMap<object, WritableDB>();

export function registerWritable(store: object, db: WritableDB): void {
  handles.set(store, db);
}

export function writableDb(store: object): WritableDB {
  const db = handles.get(store);
  if (!db) throw new Error('writableDb: not an open clinic store');
  return db;
}
