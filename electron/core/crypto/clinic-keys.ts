// The clinic keyring: the clinic's 256-bit keys (store/clinic-keys.ts), used
// to wrap per-record data keys and, for sync, to encrypt values end to end. A
// key id is stored with everything it wraps so keys can be rotated later.
import { AppError } from '../../../shared/errors';
import type { ClinicKeyRow } from '../store/clinic-keys';

export interface ClinicKeyring {
  readonly currentKeyId: string;
  key(keyId: string): Buffer;
}

export function keyringFrom(rows: readonly ClinicKeyRow[]): ClinicKeyring {
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
