// End-to-end encryption of synced cell values with the clinic key, so the
// sync server stores and relays ciphertext it cannot read. The authenticated
// data names the tenant, table, row and column: a value replayed into another
// cell fails to decrypt. Format: `v1.<clinic key id>.<base64 iv|tag|ct>`.
import { createCipheriv, randomFillSync } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { CellAddress } from '../../../shared/sync/merge';
import type { ClinicKeyring } from '../crypto/clinic-keys';
import { open } from '../keys/aes-gcm';

const aad = (tenantId: string, c: CellAddress) =>
  `ehrbs:cell:v1:${tenantId}:${c.table}:${c.rowId}:${c.column}`;

const IV_BYTES = 12;
// A push encrypts every column of every row: drawing each 12-byte IV from the
// CSPRNG with its own randomBytes call cost almost as much as the encryption.
// IVs come from a pool the same CSPRNG fills 4096 IVs at a time; each is used
// once (consumed synchronously before the pool can be refilled).
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
export function encryptCellValue(
  keyring: ClinicKeyring,
  tenantId: string,
  cell: CellAddress,
  value: unknown,
): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', keyring.key(keyring.currentKeyId), iv);
  cipher.setAAD(Buffer.from(aad(tenantId, cell), 'utf8'));
  const body = cipher.update(JSON.stringify(value ?? null), 'utf8');
  cipher.final(); // GCM has no padding: final() only completes the tag
  const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]);
  return `v1.${keyring.currentKeyId}.${sealed.toString('base64')}`;
}

export function decryptCellValue(
  keyring: ClinicKeyring,
  tenantId: string,
  cell: CellAddress,
  text: string,
): unknown {
  const [v, keyId, body] = text.split('.');
  const plain =
    v === 'v1' && keyId && body
      ? open(keyring.key(keyId), Buffer.from(body, 'base64'), aad(tenantId, cell))
      : null;
  if (!plain)
    throw new AppError(
      'DECRYPT_FAILED',
      'A synced value could not be decrypted with this clinic key.',
    );
  return JSON.parse(plain.toString('utf8')) as unknown;
}
