// The server's CA and TLS certificate. The CA lives in the store, so every
// instance over one PostgreSQL database signs and trusts the same certificates;
// the first instance to start creates it. Each instance keeps its own TLS
// certificate (its host names may differ) in its data directory, renewed when
// the host names change or it nears expiry.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncStore } from '../store/types';
import { createCa, createServerCert, fingerprintOf, isIssuedBy, type KeyAndCert } from './certs';

export interface ServerIdentity {
  ca: KeyAndCert;
  tls: KeyAndCert;
  /** SHA-256 of the CA certificate (`AB:CD:…`): workstations pin it. */
  caFingerprint: string;
}

const CA_SECRET = 'ca';
const RENEW_MARGIN_DAYS = 30;

export const serverHosts = (extra: readonly string[]): string[] => [
  ...new Set(['127.0.0.1', 'localhost', ...extra.filter((h) => h.length > 0)]),
];

async function loadCa(store: SyncStore): Promise<KeyAndCert> {
  const stored = await store.getSecret(CA_SECRET);
  const text = stored ?? (await store.putSecretIfAbsent(CA_SECRET, JSON.stringify(createCa())));
  return JSON.parse(text) as KeyAndCert;
}

function coversHosts(certPem: string, hosts: readonly string[]): boolean {
  const san = new X509Certificate(certPem).subjectAltName ?? '';
  const names = san.split(', ').map((n) => n.replace(/^(DNS|IP Address):/, ''));
  return hosts.every((h) => names.includes(h));
}

function loadTls(
  ca: KeyAndCert,
  hosts: readonly string[],
  dataDir: string | undefined,
): KeyAndCert {
  if (!dataDir) return createServerCert(ca, hosts);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const certFile = join(dataDir, 'tls-cert.pem');
  const keyFile = join(dataDir, 'tls-key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const current = {
      certPem: readFileSync(certFile, 'utf8'),
      keyPem: readFileSync(keyFile, 'utf8'),
    };
    if (
      isIssuedBy(current.certPem, ca.certPem, RENEW_MARGIN_DAYS) &&
      coversHosts(current.certPem, hosts)
    ) {
      return current;
    }
  }
  const fresh = createServerCert(ca, hosts);
  writeFileSync(keyFile, fresh.keyPem, { mode: 0o600 });
  writeFileSync(certFile, fresh.certPem);
  return fresh;
}

export async function loadServerIdentity(
  store: SyncStore,
  options: { dataDir?: string; hosts: readonly string[] },
): Promise<ServerIdentity> {
  const ca = await loadCa(store);
  const tls = loadTls(ca, serverHosts(options.hosts), options.dataDir);
  // A copy of the CA certificate (public) for administrators; the key stays in the store.
  if (options.dataDir) writeFileSync(join(options.dataDir, 'ca.pem'), ca.certPem);
  return { ca, tls, caFingerprint: fingerprintOf(ca.certPem) };
}
