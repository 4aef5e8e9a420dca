// A workstation's side of the wire, as the app's client will do it: a key pair
// that never leaves the machine, a CSR, and axios over HTTPS trusting only the
// server's CA, with the client certificate once it has one.
import { generateKeyPairSync } from 'node:crypto';
import { Agent } from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import forge from 'node-forge';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../shared/sync/protocol';

export interface WorkstationKey {
  keyPem: string;
  csrPem: string;
}

export function newWorkstationKey(): WorkstationKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  csr.setSubject([{ name: 'commonName', value: 'workstation' }]);
  csr.sign(key, forge.md.sha256.create());
  return { keyPem, csrPem: forge.pki.certificationRequestToPem(csr) };
}

export const versions = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION };

export interface Reply {
  status: number;
  // The tests check shapes with toMatchObject; the protocol schemas are tested separately.
  data: Record<string, unknown> & { code?: string };
}

export class Workstation {
  private readonly http: AxiosInstance;

  constructor(
    baseURL: string,
    private readonly caPem: string,
    private readonly credentials?: { certPem: string; keyPem: string },
  ) {
    const agent = new Agent({
      ca: caPem,
      ...(credentials ? { cert: credentials.certPem, key: credentials.keyPem } : {}),
      keepAlive: false,
    });
    this.http = axios.create({
      baseURL,
      httpsAgent: agent,
      validateStatus: () => true,
      maxBodyLength: Infinity,
    });
  }

  /** The same workstation (certificate and key) talking to another server instance. */
  withBaseUrl(baseURL: string): Workstation {
    return new Workstation(baseURL, this.caPem, this.credentials);
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await this.http.post<Reply['data']>(path, body, { headers });
    return { status: res.status, data: res.data };
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await this.http.get<Reply['data']>(path, { headers });
    return { status: res.status, data: res.data };
  }
}
