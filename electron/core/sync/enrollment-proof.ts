// What a workstation shows the server to prove it holds an enrollment code's
// secret, without the server learning the secret (docs/sync-protocol.md,
// "Enrollment"). Both the proof and the key that wraps the clinic key come from
// the secret through HKDF with different labels, so neither reveals the other,
// and the server keeps only a hash of the token and the proof together.
// Node only (node:crypto): used by the workstation core and by tests and benchmarks.
import { hkdfSync } from 'node:crypto';

export const ENROLLMENT_PROOF_INFO = 'ehrbs:enrollment:proof:v1';

/** base64url (43 characters) of HKDF-SHA256(secret, info "ehrbs:enrollment:proof:v1"). */
export function enrollmentProof(secret: Buffer | string): string {
  const raw = typeof secret === 'string' ? Buffer.from(secret, 'base64url') : secret;
  return Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), ENROLLMENT_PROOF_INFO, 32)).toString(
    'base64url',
  );
}
