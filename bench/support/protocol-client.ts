// A workstation speaking the sync protocol directly (no local store), for the
// concurrency benchmark: its own RSA key and client certificate, its own
// keep-alive https.Agent (one connection, as the app keeps), a clock and an
// audit chain, and batches of encrypted-looking changes.
import {
  constants,
  createHash,
  generateKeyPair,
  privateEncrypt,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { Agent, request } from 'node:https';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { auditHashInput } from '../../shared/audit/chain';
import { GENESIS_HASH, type AuditLog } from '../../shared/domain/audit-log';
import { formatHlc } from '../../shared/sync/hlc';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type Change } from '../../shared/sync/protocol';

export const versions = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION };

export interface Reply {
  status: number;
  data: Record<string, unknown>;
}

/** DER prefix of a PKCS#1 v1.5 DigestInfo for SHA-256 (RFC 8017, section 9.2, note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * An RSA-2048 key (generated off the main thread) and a CSR for it. forge
 * builds the CSR but its pure-JavaScript RSA signature takes about half a
 * second here; node:crypto signs the same digest natively (same bytes out).
 */
export async function newKeyAndCsr(): Promise<{ keyPem: string; csrPem: string }> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
  });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  csr.setSubject([{ name: 'commonName', value: 'workstation' }]);
  const nativeSigner = {
    sign: (md: forge.md.MessageDigest) =>
      privateEncrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]),
      ).toString('binary'),
  };
  csr.sign(nativeSigner as unknown as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { keyPem, csrPem: forge.pki.certificationRequestToPem(csr) };
}

export class ProtocolClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    caPem: string,
    credentials?: { certPem: string; keyPem: string },
    private readonly timeoutMs = 60_000,
  ) {
    this.agent = new Agent({
      ca: caPem,
      ...(credentials ? { cert: credentials.certPem, key: credentials.keyPem } : {}),
      keepAlive: true,
      maxSockets: 1,
    });
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.baseUrl}${path}`,
        {
          method: 'POST',
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': String(payload.length),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              const text = Buffer.concat(chunks).toString('utf8');
              resolve({
                status: res.statusCode ?? 0,
                data: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
              });
            } catch (e) {
              reject(e instanceof Error ? e : new Error(String(e)));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A workstation's clock and audit chain: batches the server accepts as this device's own. */
export class DeviceWriter {
  private counter = 0;
  private lastMillis = 0;
  private seq = 0;
  private prevHash = GENESIS_HASH;

  constructor(
    readonly tenantId: string,
    readonly deviceId: string,
  ) {}

  private hlc(): string {
    const now = Date.now();
    if (now > this.lastMillis) {
      this.lastMillis = now;
      this.counter = 0;
    }
    return formatHlc({ millis: this.lastMillis, counter: this.counter++, deviceId: this.deviceId });
  }

  /** One new patient row: one sealed change of all its columns (a random ciphertext-sized value), and its audit entry. */
  newRow(columns: readonly string[]): { changes: Change[]; audit: AuditLog } {
    const rowId = randomUUID();
    const hlc = this.hlc();
    const plainBytes = columns.reduce((n, column) => n + 4 + (column.length % 24), 2);
    const changes: Change[] = [
      {
        table: 'patients' as const,
        rowId,
        columns: [...columns],
        hlc,
        value: `v2.ck-bench.${randomBytes(28 + plainBytes).toString('base64')}`,
      },
    ];
    this.seq++;
    const content = {
      id: randomUUID(),
      tenantId: this.tenantId,
      userId: null,
      action: 'create' as const,
      tableAffected: 'patients',
      recordId: rowId,
      timestamp: new Date().toISOString(),
      deviceId: this.deviceId,
      deviceSeq: this.seq,
      prevHash: this.prevHash,
      detail: '',
    };
    const hash = createHash('sha256').update(auditHashInput(content)).digest('hex');
    this.prevHash = hash;
    return { changes, audit: { ...content, hash } };
  }
}
