// The hash a signature stores of the content it signed (medical_records.signedContentHash).
//
// It is HMAC-SHA256 over the record's canonical content (JSON with sorted keys,
// so the same content always gives the same bytes), bound to the tenant and the
// record id, under a key derived (HKDF-SHA256) from the clinic key. Keyed,
// because the hash is synced in clear: a bare SHA-256 of short content
// (`{"code":"I10",...}`) could be reversed by trying every likely value. The
// clinic key id is stored with it, like a wrapped data key, so rotation keeps
// old hashes checkable. Format: `v1.<clinic key id>.<64 hex>`.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { ClinicKeyring } from './clinic-keys';

/** JSON with object keys sorted at every level; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const hashKey = (keyring: ClinicKeyring, keyId: string): Buffer =>
  Buffer.from(
    hkdfSync('sha256', keyring.key(keyId), Buffer.alloc(0), 'ehrbs signed-content hash v1', 32),
  );

function mac(keyring: ClinicKeyring, keyId: string, binding: HashBinding, plaintext: string) {
  const canonical = canonicalJson(JSON.parse(plaintext) as unknown);
  return createHmac('sha256', hashKey(keyring, keyId))
    .update(`${binding.tenantId}\u0000${binding.recordId}\u0000`)
    .update(canonical, 'utf8')
    .digest();
}

export interface HashBinding {
  tenantId: string;
  recordId: string;
}

/** The hash to store with a signature, over the record's decrypted content (its JSON text). */
export function signedContentHash(
  keyring: ClinicKeyring,
  binding: HashBinding,
  plaintext: string,
): string {
  const id = keyring.currentKeyId;
  return `v1.${id}.${mac(keyring, id, binding, plaintext).toString('hex')}`;
}

/** Whether the decrypted content still matches the stored hash (false for a malformed hash). */
export function contentMatchesHash(
  keyring: ClinicKeyring,
  binding: HashBinding,
  plaintext: string,
  stored: string,
): boolean {
  const [v, keyId, hex] = stored.split('.');
  if (v !== 'v1' || !keyId || !hex || !/^[0-9a-f]{64}$/.test(hex)) return false;
  return timingSafeEqual(mac(keyring, keyId, binding, plaintext), Buffer.from(hex, 'hex'));
}
