// Per-value encryption of clinical content (record payloads, message bodies),
// on top of the store's page encryption, so that content stays ciphertext when
// it leaves the device (sync, backups, exports of raw rows).
//
// Each value gets a fresh 256-bit data key (AES-256-GCM). The data key is
// wrapped by the clinic key and stored in the row's `encryptionKey` with the
// clinic key's id. Both seals carry authenticated data naming the tenant, table
// and row, so a ciphertext (or wrapped key) copied to another row fails to open.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { open, seal } from '../keys/aes-gcm';
import type { ClinicKeyring } from './clinic-keys';

export interface FieldBinding {
  tenantId: string;
  table: 'medical_records' | 'messages' | 'record_drafts' | 'audit_logs' | 'document_chunks';
  rowId: string;
}

export interface SealedField {
  /** `v1.<base64 iv|tag|ciphertext>` */
  ciphertext: string;
  /** `v1.<clinic key id>.<base64 wrapped data key>` — never usable without the clinic key. */
  wrappedKey: string;
}

const aadFor = (b: FieldBinding, purpose: 'data' | 'key') =>
  `ehrbs:${purpose}:v1:${b.tenantId}:${b.table}:${b.rowId}`;

export function encryptField(
  keyring: ClinicKeyring,
  binding: FieldBinding,
  plaintext: string,
): SealedField {
  return encryptBytes(keyring, binding, Buffer.from(plaintext, 'utf8'));
}

/** As encryptField, for bytes (a document's chunk): no text round trip. */
export function encryptBytes(
  keyring: ClinicKeyring,
  binding: FieldBinding,
  plaintext: Buffer,
): SealedField {
  const dataKey = randomBytes(32);
  const ciphertext = seal(dataKey, plaintext, aadFor(binding, 'data'));
  const wrapped = seal(keyring.key(keyring.currentKeyId), dataKey, aadFor(binding, 'key'));
  dataKey.fill(0);
  return {
    ciphertext: `v1.${ciphertext.toString('base64')}`,
    wrappedKey: `v1.${keyring.currentKeyId}.${wrapped.toString('base64')}`,
  };
}

export function decryptField(
  keyring: ClinicKeyring,
  binding: FieldBinding,
  sealed: SealedField,
): string {
  return decryptBytes(keyring, binding, sealed).toString('utf8');
}

export function decryptBytes(
  keyring: ClinicKeyring,
  binding: FieldBinding,
  sealed: SealedField,
): Buffer {
  const fail = () =>
    new AppError(
      'DECRYPT_FAILED',
      'This content could not be decrypted: it does not belong to this record.',
    );
  const [kv, keyId, wrappedB64] = sealed.wrappedKey.split('.');
  const [cv, ctB64] = sealed.ciphertext.split('.');
  if (kv !== 'v1' || cv !== 'v1' || !keyId || !wrappedB64 || !ctB64) throw fail();
  const dataKey = open(
    keyring.key(keyId),
    Buffer.from(wrappedB64, 'base64'),
    aadFor(binding, 'key'),
  );
  if (!dataKey) throw fail();
  const plaintext = open(dataKey, Buffer.from(ctB64, 'base64'), aadFor(binding, 'data'));
  dataKey.fill(0);
  if (!plaintext) throw fail();
  return plaintext;
}
