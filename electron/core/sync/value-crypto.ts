// End-to-end encryption of synced cell values with the clinic key, so the
// sync server stores and relays ciphertext it cannot read. The authenticated
// data names the tenant, table, row and column: a value replayed into another
// cell fails to decrypt. Format: `v1.<clinic key id>.<base64 iv|tag|ct>`.
import { AppError } from '../../../shared/errors';
import type { CellAddress } from '../../../shared/sync/merge';
import type { ClinicKeyring } from '../crypto/clinic-keys';
import { open, seal } from '../keys/aes-gcm';

const aad = (tenantId: string, c: CellAddress) =>
  `ehrbs:cell:v1:${tenantId}:${c.table}:${c.rowId}:${c.column}`;

export function encryptCellValue(
  keyring: ClinicKeyring,
  tenantId: string,
  cell: CellAddress,
  value: unknown,
): string {
  const sealed = seal(
    keyring.key(keyring.currentKeyId),
    Buffer.from(JSON.stringify(value ?? null), 'utf8'),
    aad(tenantId, cell),
  );
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
