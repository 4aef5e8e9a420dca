// Certificates with node-forge: the server's CA, its TLS certificate, and
// client certificates signed from workstations' CSRs. Keys are generated with
// node:crypto (native, fast) and handed to forge as PEM.
import { X509Certificate, generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';
import { AppError } from '../../../shared/errors';

export interface KeyAndCert {
  keyPem: string;
  certPem: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function newKeyPair(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  keyPem: string;
} {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  return { privateKey: forgeKey, publicKey, keyPem };
}

/**
 * A random positive serial. The top bit cleared keeps the DER integer positive;
 * the next one set keeps the first byte non-zero, since node-forge writes a
 * leading 00 byte as given, which OpenSSL rejects as "illegal padding" (before,
 * one certificate in 128 could not be read).
 */
export function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
}

function baseCert(
  publicKey: forge.pki.PublicKey,
  validDays: number,
  now: Date,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = newSerial();
  // Backdated an hour so a workstation whose clock is slightly behind still accepts it.
  cert.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + validDays * DAY_MS);
  return cert;
}

export function createCa(now = new Date()): KeyAndCert {
  const { privateKey, publicKey, keyPem } = newKeyPair();
  const cert = baseCert(publicKey, 20 * 365, now);
  const subject = [
    { name: 'commonName', value: `EHRBS Sync CA ${randomBytes(4).toString('hex')}` },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}

/** The server's TLS certificate for 127.0.0.1, localhost and any extra host names or addresses. */
export function createServerCert(
  ca: KeyAndCert,
  hosts: readonly string[],
  now = new Date(),
): KeyAndCert {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const { publicKey, keyPem } = newKeyPair();
  const cert = baseCert(publicKey, 825, now);
  cert.setSubject([{ name: 'commonName', value: hosts[0] ?? 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  const altNames = hosts.map((h) => (isIP(h) ? { type: 7, ip: h } : { type: 2, value: h }));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}

export interface IssuedClientCert {
  certPem: string;
  fingerprint: string;
  serial: string;
}

/**
 * Signs a workstation's CSR. Only its public key is used: the subject is set
 * by the server (device id and tenant), so a CSR cannot claim another identity.
 */
export function signClientCsr(
  ca: KeyAndCert,
  csrPem: string,
  subject: { deviceId: string; tenantId: string },
  now = new Date(),
): IssuedClientCert {
  let csr: forge.pki.CertificateSigningRequest;
  try {
    csr = forge.pki.certificationRequestFromPem(csrPem);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The certificate request could not be read.');
  }
  if (!csr.publicKey || !csr.verify()) {
    throw new AppError('VALIDATION_FAILED', 'The certificate request is not signed by its key.');
  }
  const rsaKey = csr.publicKey as forge.pki.rsa.PublicKey;
  if (typeof rsaKey.n?.bitLength !== 'function' || rsaKey.n.bitLength() < 2048) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The certificate request needs an RSA key of at least 2048 bits.',
    );
  }
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const cert = baseCert(rsaKey, 5 * 365, now);
  cert.setSubject([
    { name: 'commonName', value: subject.deviceId },
    { name: 'organizationName', value: subject.tenantId },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return { certPem, fingerprint: fingerprintOf(certPem), serial: cert.serialNumber };
}

/** SHA-256 of the DER, as Node prints it (`AB:CD:…`): the same form TLSSocket reports for a peer. */
export const fingerprintOf = (certPem: string): string =>
  new X509Certificate(certPem).fingerprint256;

/** Whether `certPem` was signed by `caPem` and is valid for at least `marginDays` more. */
export function isIssuedBy(
  certPem: string,
  caPem: string,
  marginDays: number,
  now = new Date(),
): boolean {
  const cert = new X509Certificate(certPem);
  const ca = new X509Certificate(caPem);
  return (
    cert.checkIssued(ca) &&
    cert.verify(ca.publicKey) &&
    new Date(cert.validTo).getTime() > now.getTime() + marginDays * DAY_MS
  );
}
