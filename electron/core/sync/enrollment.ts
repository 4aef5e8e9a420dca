// Connecting a clinic to a sync server, issuing one-time enrollment codes, and
// joining a new workstation with one. The clinic key reaches the new
// workstation wrapped with a secret that is part of the code and never sent to
// the server (docs/sync-protocol.md, "Enrollment").
import { hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  CancelEnrollmentResponse,
  CreateEnrollmentResponse,
  EnrollResponse,
  RegisterClinicResponse,
  formatEnrollmentCode,
  parseEnrollmentCode,
} from '../../../shared/sync/enrollment';
import { enrollmentProof } from './enrollment-proof';
import { open, seal } from '../keys/aes-gcm';
import type { KeyWrapper } from '../keys/key-wrapper';
import { ClinicStore } from '../clinic/clinic-store';
import { readClinicKeys } from '../store/clinic-keys';
import { assertPinned, generateKeyAndCsr } from './identity';
import { syncHttp, versions } from './sync-http';

const CaResponse = z.object({ caCertificate: z.string() });
const KeyList = z.array(z.object({ keyId: z.string(), key: z.string() }));

async function fetchPinnedCa(serverUrl: string, fingerprint: string): Promise<string> {
  const { caCertificate } = await syncHttp(serverUrl, { insecureFirstContact: true }).get(
    '/v1/ca',
    CaResponse,
  );
  assertPinned(caCertificate, fingerprint);
  return caCertificate;
}

const secretKey = (secret: Buffer) =>
  Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'ehrbs:enrollment:v1', 32));

/** Registers this workstation's clinic with the server (server admin token) and makes it its first device. */
export async function connectClinic(
  store: ClinicStore,
  o: { serverUrl: string; fingerprint: string; adminToken: string; deviceName: string },
): Promise<void> {
  const tenantId = store.tenantId;
  if (!tenantId) throw new AppError('STORE_MISSING', 'This workstation has no clinic to connect.');
  if (store.sync.identity())
    throw new AppError('CONFLICT', 'This workstation is already connected to a sync server.');
  const caPem = await fetchPinnedCa(o.serverUrl, o.fingerprint);
  const clinicName = (
    store.read.prepare('SELECT name FROM tenants WHERE id = ?').get(tenantId) as { name: string }
  ).name;
  const { keyPem, csrPem } = generateKeyAndCsr(store.deviceId);
  const res = await syncHttp(o.serverUrl, { ca: caPem }).post(
    '/v1/clinics',
    {
      ...versions,
      tenantId,
      clinicName,
      deviceId: store.deviceId,
      deviceName: o.deviceName,
      csr: csrPem,
    },
    RegisterClinicResponse,
    { authorization: `Bearer ${o.adminToken}` },
  );
  store.transaction(() => {
    store.sync.saveIdentity({
      serverUrl: o.serverUrl,
      caPem: res.caCertificate,
      certPem: res.certificate,
      keyPem,
    });
    // The first workstation holds the whole clinic already: nothing to bootstrap.
    store.sync.bootstrapped = true;
  });
}

/** A one-time code for a new workstation: `<id>.<token>.<secret>`. */
export async function createEnrollmentCode(
  store: ClinicStore,
  expiresInSeconds = 900,
): Promise<{ code: string; expiresAt: string }> {
  const id = store.sync.identity();
  const tenantId = store.tenantId;
  if (!id || !tenantId)
    throw new AppError('UNAVAILABLE', 'This workstation is not connected to a sync server.');
  const keys = readClinicKeys(store.read);
  const secret = randomBytes(32);
  const payload = Buffer.from(
    JSON.stringify(keys.map((k) => ({ keyId: k.keyId, key: k.key.toString('base64') }))),
  );
  const wrappedClinicKey = seal(
    secretKey(secret),
    payload,
    `ehrbs:enrollment:v1:${tenantId}`,
  ).toString('base64');
  const res = await syncHttp(id.serverUrl, { ca: id.caPem, cert: id.certPem, key: id.keyPem }).post(
    '/v1/enrollments',
    { ...versions, wrappedClinicKey, secretProof: enrollmentProof(secret), expiresInSeconds },
    CreateEnrollmentResponse,
  );
  return {
    code: formatEnrollmentCode({
      enrollmentId: res.enrollmentId,
      token: res.token,
      secret: secret.toString('base64url'),
    }),
    expiresAt: res.expiresAt,
  };
}

/** Cancels a code this clinic issued and nobody has used yet (a code given to the wrong person, a plan changed). */
export async function cancelEnrollmentCode(store: ClinicStore, text: string): Promise<void> {
  const id = store.sync.identity();
  if (!id) throw new AppError('UNAVAILABLE', 'This workstation is not connected to a sync server.');
  const code = parseEnrollmentCode(text);
  if (!code)
    throw new AppError('VALIDATION_FAILED', 'That enrollment code is not in the right form.');
  await syncHttp(id.serverUrl, { ca: id.caPem, cert: id.certPem, key: id.keyPem }).post(
    '/v1/enrollments/cancel',
    { ...versions, enrollmentId: code.enrollmentId },
    CancelEnrollmentResponse,
  );
}

/** A new workstation: a new local store, enrolled with a one-time code, holding the clinic key. Not yet synced. */
export async function joinClinic(
  dataDir: string,
  wrapper: KeyWrapper,
  o: {
    serverUrl: string;
    fingerprint: string;
    code: string;
    deviceName: string;
    now?: () => number;
  },
): Promise<ClinicStore> {
  const code = parseEnrollmentCode(o.code);
  if (!code)
    throw new AppError('VALIDATION_FAILED', 'That enrollment code is not in the right form.');
  const caPem = await fetchPinnedCa(o.serverUrl, o.fingerprint);
  const store = await ClinicStore.create(dataDir, wrapper, o.now ? { now: o.now } : {});
  try {
    const { keyPem, csrPem } = generateKeyAndCsr(store.deviceId);
    const res = await syncHttp(o.serverUrl, { ca: caPem }).post(
      '/v1/enroll',
      {
        ...versions,
        enrollmentId: code.enrollmentId,
        token: code.token,
        secretProof: enrollmentProof(code.secret),
        deviceId: store.deviceId,
        deviceName: o.deviceName,
        csr: csrPem,
      },
      EnrollResponse,
    );
    const plain = open(
      secretKey(Buffer.from(code.secret, 'base64url')),
      Buffer.from(res.wrappedClinicKey, 'base64'),
      `ehrbs:enrollment:v1:${res.tenantId}`,
    );
    if (!plain)
      throw new AppError('WRONG_KEY', 'The enrollment code does not unlock the clinic key.');
    const keys = KeyList.parse(JSON.parse(plain.toString('utf8')));
    store.transaction(() => {
      store.adoptClinicKeys(
        keys.map((k) => ({ keyId: k.keyId, key: Buffer.from(k.key, 'base64') })),
      );
      store.meta.set('tenantId', res.tenantId);
      store.sync.deviceName = o.deviceName;
      store.sync.saveIdentity({
        serverUrl: o.serverUrl,
        caPem: res.caCertificate,
        certPem: res.certificate,
        keyPem,
      });
    });
    return store;
  } catch (e) {
    store.close();
    const { rmSync } = await import('node:fs');
    for (const f of ['clinic.db', 'store-key.json']) rmSync(`${dataDir}/${f}`, { force: true });
    throw e;
  }
}
