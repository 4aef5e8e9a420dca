// This workstation's sync identity: the pinned CA, its client certificate and
// private key (generated here; only a CSR leaves the machine), kept in the
// encrypted store's local metadata.
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../shared/errors';
import { normalizeFingerprint } from '../../../shared/sync/enrollment';
import type { ClinicStore } from '../store/clinic-store';
import { getMeta, setMeta } from '../store/local-meta';

export interface SyncIdentity {
  serverUrl: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

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

export function saveIdentity(store: ClinicStore, id: SyncIdentity): void {
  store.transaction(() => {
    setMeta(store.db, 'sync:serverUrl', id.serverUrl);
    setMeta(store.db, 'sync:caPem', id.caPem);
    setMeta(store.db, 'sync:certPem', id.certPem);
    setMeta(store.db, 'sync:keyPem', id.keyPem);
  });
}

export function loadIdentity(store: ClinicStore): SyncIdentity | null {
  const serverUrl = getMeta(store.db, 'sync:serverUrl');
  const caPem = getMeta(store.db, 'sync:caPem');
  const certPem = getMeta(store.db, 'sync:certPem');
  const keyPem = getMeta(store.db, 'sync:keyPem');
  return serverUrl && caPem && certPem && keyPem ? { serverUrl, caPem, certPem, keyPem } : null;
}
