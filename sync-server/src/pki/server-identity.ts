// The server's CA and TLS certificate. The CA lives in the store, so every
// instance over one PostgreSQL database signs and trusts the same certificates;
// the first instance to start creates it. Its private key is sealed with the
// server key (secure/server-key.ts), which is never in the store; a store from
// before that, with the key in clear, is sealed at the next start. Each
// instance keeps its own TLS certificate (its host names may differ) in its
// data directory, its key sealed too, renewed when the host names change or it
// nears expiry.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncStore } from '../store/types';
import { privateDir, writePrivateFile } from '../secure/private-files';
import { isSealed, type ServerKey } from '../secure/server-key';
import { createCa, createServerCert, fingerprintOf, isIssuedBy, type KeyAndCert } from './certs';

export interface ServerIdentity {
  ca: KeyAndCert;
  tls: KeyAndCert;
  /** SHA-256 of the CA certificate (`AB:CD:…`): workstations pin it. */
  caFingerprint: string;
}

const CA_SECRET = 'ca';
const RENEW_MARGIN_DAYS = 30;
export const TLS_KEY_FILE = 'tls-key.sealed';
/** Where versions before the server key kept the TLS key in clear: removed at start. */
const OLD_TLS_KEY_FILE = 'tls-key.pem';

export const serverHosts = (extra: readonly string[]): string[] => [
  ...new Set(['127.0.0.1', 'localhost', ...extra.filter((h) => h.length > 0)]),
];

async function loadCa(store: SyncStore, key: ServerKey): Promise<KeyAndCert> {
  let stored = await store.getSecret(CA_SECRET);
  if (stored === null) {
    stored = await store.putSecretIfAbsent(CA_SECRET, key.seal('CA', JSON.stringify(createCa())));
  } else if (!isSealed(stored)) {
    // An older store: the CA in clear. Seal it in place (once, whichever instance comes first).
    stored = await store.replaceSecret(CA_SECRET, stored, key.seal('CA', stored));
  }
  return JSON.parse(key.open('CA', stored)) as KeyAndCert;
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
  key: ServerKey,
): KeyAndCert {
  if (!dataDir) return createServerCert(ca, hosts);
  privateDir(dataDir);
  const certFile = join(dataDir, 'tls-cert.pem');
  const keyFile = join(dataDir, TLS_KEY_FILE);
  rmSync(join(dataDir, OLD_TLS_KEY_FILE), { force: true });
  if (existsSync(certFile) && existsSync(keyFile)) {
    const current = {
      certPem: readFileSync(certFile, 'utf8'),
      keyPem: key.open('TLS', readFileSync(keyFile, 'utf8')),
    };
    if (
      isIssuedBy(current.certPem, ca.certPem, RENEW_MARGIN_DAYS) &&
      coversHosts(current.certPem, hosts)
    ) {
      return current;
    }
  }
  const fresh = createServerCert(ca, hosts);
  writePrivateFile(keyFile, key.seal('TLS', fresh.keyPem));
  writePrivateFile(certFile, fresh.certPem);
  return fresh;
}

export async function loadServerIdentity(
  store: SyncStore,
  options: { dataDir?: string; hosts: readonly string[]; serverKey: ServerKey },
): Promise<ServerIdentity> {
  const ca = await loadCa(store, options.serverKey);
  const tls = loadTls(ca, serverHosts(options.hosts), options.dataDir, options.serverKey);
  // A copy of the CA certificate (public) for administrators; the key stays sealed in the store.
  if (options.dataDir) writePrivateFile(join(options.dataDir, 'ca.pem'), ca.certPem);
  return { ca, tls, caFingerprint: fingerprintOf(ca.certPem) };
}
