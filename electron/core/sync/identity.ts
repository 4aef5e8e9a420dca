// This workstation's sync identity: its key pair (generated here; only a CSR
// leaves the machine) and the pinned CA. Both are kept in the encrypted store
// (store/sync-state.ts).
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../shared/errors';
import { normalizeFingerprint } from '../../../shared/sync/enrollment';

export function generateKeyAndCsr(deviceId: string): { keyPem: string; csrPem: string } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = keys.publicKey;
  // The server sets the real subject; this one is informative only.
  csr.setSubject([{ name: 'commonName', value: deviceId }]);
  csr.sign(keys.privateKey, forge.md.sha256.create());
  return {
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
    csrPem: forge.pki.certificationRequestToPem(csr),
  };
}

/** Refuses a CA whose SHA-256 fingerprint is not the one the admin was given. */
export function assertPinned(caPem: string, fingerprint: string): void {
  const actual = normalizeFingerprint(new X509Certificate(caPem).fingerprint256);
  if (actual !== normalizeFingerprint(fingerprint)) {
    throw new AppError(
      'FORBIDDEN',
      'The sync server presented a different certificate authority than the fingerprint you gave. Nothing was sent.',
    );
  }
}
