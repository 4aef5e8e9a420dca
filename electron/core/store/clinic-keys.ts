// The clinic_keys table: the clinic's 256-bit keys, kept in the (already
// encrypted) store. They reach another workstation only through enrollment,
// never through the change log. The keyring over them is crypto/clinic-keys.ts.
import { randomBytes } from 'node:crypto';
import type { ReadableDB, WritableDB } from './db-handles';

export interface ClinicKeyRow {
  keyId: string;
  key: Buffer;
}

export function readClinicKeys(db: ReadableDB): ClinicKeyRow[] {
  return db
    .prepare('SELECT keyId, key FROM clinic_keys ORDER BY createdAt, keyId')
    .all() as ClinicKeyRow[];
}

export function insertNewClinicKey(db: WritableDB, now: string): string {
  const keyId = `ck-${randomBytes(4).toString('hex')}`;
  db.prepare('INSERT INTO clinic_keys (keyId, key, createdAt) VALUES (?, ?, ?)').run(
    keyId,
    randomBytes(32),
    now,
  );
  return keyId;
}

/** A joining workstation's keys are the clinic's: its own first key is replaced. */
export function replaceClinicKeys(db: WritableDB, keys: readonly ClinicKeyRow[]): void {
  db.prepare('DELETE FROM clinic_keys').run();
  const insert = db.prepare('INSERT INTO clinic_keys (keyId, key, createdAt) VALUES (?, ?, ?)');
  // Their order is kept through createdAt: the last key is the current one.
  keys.forEach((k, i) => insert.run(k.keyId, k.key, new Date(i).toISOString()));
}
