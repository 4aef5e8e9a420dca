// End-to-end encryption of synced values with the clinic key, so the sync
// server stores and relays ciphertext it cannot read.
//
// Protocol 3 seals a mutation's changed columns together: one AES-256-GCM
// ciphertext per (row, mutation), `v2.<clinic key id>.<base64 iv|tag|ct>`, whose
// plaintext is the JSON array of the values in the change's column order. The
// authenticated data names the tenant, table, row, HLC and column list, so a
// ciphertext moved to another row, relabelled with another HLC (to make an old
// value win) or given other column names fails to open.
//
// Stores written under protocols 1 and 2 hold one ciphertext per cell
// (`v1.…`, authenticated data tenant, table, row, column); the server keeps
// them as one-column changes, and `openChange` still reads them.
import { createCipheriv, randomFillSync } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { Change } from '../../../shared/sync/protocol';
import type { ClinicKeyring } from '../crypto/clinic-keys';
import { open } from '../keys/aes-gcm';

export type ChangeAddress = Pick<Change, 'table' | 'rowId' | 'columns' | 'hlc'>;

const rowAad = (tenantId: string, c: ChangeAddress) =>
  `ehrbs:row:v2:${tenantId}:${c.table}:${c.rowId}:${c.hlc}:${c.columns.join(',')}`;

const cellAad = (tenantId: string, c: ChangeAddress) =>
  `ehrbs:cell:v1:${tenantId}:${c.table}:${c.rowId}:${c.columns[0] ?? ''}`;

const IV_BYTES = 12;
// A push encrypts every change: drawing each 12-byte IV from the CSPRNG with
// its own randomBytes call cost almost as much as the encryption. IVs come from
// a pool the same CSPRNG fills 4096 IVs at a time; each is used once (consumed
// synchronously before the pool can be refilled).
const ivPool = Buffer.alloc(IV_BYTES * 4096);
let ivOffset = ivPool.length;

function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return ivPool.subarray(ivOffset - IV_BYTES, ivOffset);
}

/** The same bytes as keys/aes-gcm.ts `seal` (iv | tag | ciphertext), with a pooled IV. */
function sealText(keyring: ClinicKeyring, aad: string, plain: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', keyring.key(keyring.currentKeyId), iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = cipher.update(plain, 'utf8');
  cipher.final(); // GCM has no padding: final() only completes the tag
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Seals the values of `address.columns` (same order) into one change value. */
export function sealChange(
  keyring: ClinicKeyring,
  tenantId: string,
  address: ChangeAddress,
  values: readonly unknown[],
): string {
  const plain = JSON.stringify(values.map((v) => v ?? null));
  return `v2.${keyring.currentKeyId}.${sealText(keyring, rowAad(tenantId, address), plain)}`;
}

/** One cell in the protocol 1–2 format (tests and benchmarks of migrated stores). */
export function sealLegacyCell(
  keyring: ClinicKeyring,
  tenantId: string,
  address: ChangeAddress,
  value: unknown,
): string {
  const plain = JSON.stringify(value ?? null);
  return `v1.${keyring.currentKeyId}.${sealText(keyring, cellAad(tenantId, address), plain)}`;
}

const failed = () =>
  new AppError('DECRYPT_FAILED', 'A synced value could not be decrypted with this clinic key.');

/** The values of a change's columns, in its column order. DECRYPT_FAILED if anything does not match. */
export function openChange(keyring: ClinicKeyring, tenantId: string, change: Change): unknown[] {
  const [v, keyId, body] = change.value.split('.');
  if (!keyId || !body) throw failed();
  if (v === 'v2') {
    const plain = open(keyring.key(keyId), Buffer.from(body, 'base64'), rowAad(tenantId, change));
    if (!plain) throw failed();
    const values = JSON.parse(plain.toString('utf8')) as unknown;
    if (!Array.isArray(values) || values.length !== change.columns.length) throw failed();
    return values as unknown[];
  }
  if (v === 'v1' && change.columns.length === 1) {
    const plain = open(keyring.key(keyId), Buffer.from(body, 'base64'), cellAad(tenantId, change));
    if (!plain) throw failed();
    return [JSON.parse(plain.toString('utf8')) as unknown];
  }
  throw failed();
}
