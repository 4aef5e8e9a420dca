// The clinic key(s): 256-bit keys shared by the clinic's workstations, kept in
// the (already encrypted) store, used to wrap per-record data keys and, for
// sync, to encrypt values end to end. A key id is stored with everything it
// wraps so keys can be rotated later.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Db } from '../store/open-database';

export interface ClinicKeyring {
  readonly currentKeyId: string;
  key(keyId: string): Buffer;
}

export function createClinicKey(db: Db, now: string): string {
  const keyId = `ck-${randomBytes(4).toString('hex')}`;
  db.prepare('INSERT INTO clinic_keys (keyId, key, createdAt) VALUES (?, ?, ?)').run(
    keyId,
    randomBytes(32),
    now,
  );
  return keyId;
}

export function loadKeyring(db: Db): ClinicKeyring {
  const rows = db.prepare('SELECT keyId, key FROM clinic_keys ORDER BY createdAt, keyId').all() as {
    keyId: string;
    key: Buffer;
  }[];
  const last = rows.at(-1);
  if (!last) throw new AppError('INTEGRITY_FAILED', 'The store has no clinic key.');
  const keys = new Map(rows.map((r) => [r.keyId, r.key]));
  return {
    currentKeyId: last.keyId,
    key(keyId) {
      const key = keys.get(keyId);
      if (!key)
        throw new AppError(
          'DECRYPT_FAILED',
          'This record was encrypted with a key this workstation does not have.',
        );
      return key;
    },
  };
}
