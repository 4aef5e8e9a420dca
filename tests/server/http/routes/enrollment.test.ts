// Registering a clinic and enrolling a second workstation over real HTTPS
// with mutual TLS, as an administrator and a front-desk workstation would.
import {
  X509Certificate,
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  randomUUID,
} from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatEnrollmentCode,
  normalizeFingerprint,
  parseEnrollmentCode,
} from '../../../../shared/sync/enrollment';
import { enrollmentProof } from '../../../../electron/core/sync/enrollment-proof';
import { newWorkstationKey, versions, Workstation } from '../../helpers/client';
import { PROTOCOL_VERSION } from '../../../../shared/sync/protocol';
import { CLINIC_KEY } from '../../helpers/fixtures';
import { startTestServer, type TestServer } from '../../helpers/server';

// The client wraps the clinic key with a key derived from the code's secret; the server never sees the secret.
const wrapKey = (secret: string) => createHash('sha256').update(secret).digest();
function wrap(secret: string, clinicKey: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', wrapKey(secret), iv);
  const body = Buffer.concat([c.update(clinicKey), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}
function unwrap(secret: string, blob: string): Buffer {
  const raw = Buffer.from(blob, 'base64');
  const d = createDecipheriv('aes-256-gcm', wrapKey(secret), raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]);
}

describe('clinic registration and workstation enrollment', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t.stop());

  it('answers health checks without a certificate and serves the CA a workstation can pin', async () => {
    const health = await t.anonymous().get('/v1/health');
    expect(health).toMatchObject({
      status: 200,
      data: { status: 'ok', protocolVersion: PROTOCOL_VERSION },
    });
    const ca = await t.anonymous().get('/v1/ca');
    const fp = new X509Certificate(String(ca.data.caCertificate)).fingerprint256;
    expect(normalizeFingerprint(fp)).toBe(normalizeFingerprint(t.server.caFingerprint));
  });

  it('registers a clinic only with the admin token', async () => {
    const key = newWorkstationKey();
    const body = {
      ...versions,
      tenantId: randomUUID(),
      clinicName: 'X',
      deviceId: randomUUID(),
      deviceName: 'A',
      csr: key.csrPem,
    };
    const refused = await t.anonymous().post('/v1/clinics', body, { authorization: 'Bearer nope' });
    expect(refused).toMatchObject({ status: 401, data: { code: 'UNAUTHENTICATED' } });
    const ok = await t
      .anonymous()
      .post('/v1/clinics', body, { authorization: `Bearer ${t.adminToken}` });
    expect(ok.status).toBe(201);
    const again = await t
      .anonymous()
      .post('/v1/clinics', body, { authorization: `Bearer ${t.adminToken}` });
    expect(again).toMatchObject({ status: 409, data: { code: 'CONFLICT' } });
  });

  it('enrolls a new workstation with a one-time code that carries the clinic key past the server', async () => {
    const first = await t.registerClinic();
    const secret = randomBytes(32).toString('base64url');
    const created = await first.ws.post('/v1/enrollments', {
      ...versions,
      wrappedClinicKey: wrap(secret, CLINIC_KEY),
      secretProof: enrollmentProof(secret),
    });
    expect(created.status).toBe(201);
    const code = formatEnrollmentCode({
      enrollmentId: String(created.data.enrollmentId),
      token: String(created.data.token),
      secret,
    });

    // On the new workstation: the person types the code.
    const parsed = parseEnrollmentCode(` ${code} `);
    expect(parsed).not.toBeNull();
    const key = newWorkstationKey();
    const deviceId = randomUUID();
    const enroll = {
      ...versions,
      enrollmentId: parsed?.enrollmentId,
      token: parsed?.token,
      secretProof: enrollmentProof(parsed?.secret ?? ''),
      deviceId,
      deviceName: 'Room 2',
      csr: key.csrPem,
    };
    const joined = await t.anonymous().post('/v1/enroll', enroll);
    expect(joined).toMatchObject({ status: 201, data: { tenantId: first.tenantId, deviceId } });
    expect(
      unwrap(parsed?.secret ?? '', String(joined.data.wrappedClinicKey)).equals(CLINIC_KEY),
    ).toBe(true);

    const second = new Workstation(t.server.url, t.server.caCertPem, {
      certPem: String(joined.data.certificate),
      keyPem: key.keyPem,
    });
    const pull = await second.post('/v1/pull', { ...versions, sentAt: Date.now(), after: 0 });
    expect(pull.status).toBe(200);

    const reused = await t
      .anonymous()
      .post('/v1/enroll', { ...enroll, deviceId: randomUUID(), csr: newWorkstationKey().csrPem });
    expect(reused).toMatchObject({ status: 409, data: { code: 'CONFLICT' } });
    expect(String(reused.data.message)).toMatch(/already used/);
  });

  it('refuses an expired code and a wrong token', async () => {
    const first = await t.registerClinic();
    const secretProof = enrollmentProof(randomBytes(32));
    const created = await first.ws.post('/v1/enrollments', {
      ...versions,
      wrappedClinicKey: 'blob',
      secretProof,
      expiresInSeconds: 60,
    });
    const enroll = {
      ...versions,
      enrollmentId: created.data.enrollmentId,
      token: created.data.token,
      secretProof,
      deviceId: randomUUID(),
      deviceName: 'Late',
      csr: newWorkstationKey().csrPem,
    };
    const wrongToken = await t.anonymous().post('/v1/enroll', { ...enroll, token: 'A'.repeat(22) });
    expect(wrongToken).toMatchObject({ status: 401, data: { code: 'UNAUTHENTICATED' } });
    t.clock.offsetMs = 61_000;
    try {
      const expired = await t.anonymous().post('/v1/enroll', enroll);
      expect(expired).toMatchObject({ status: 403, data: { code: 'FORBIDDEN' } });
      expect(String(expired.data.message)).toMatch(/expired/);
    } finally {
      t.clock.offsetMs = 0;
    }
  });

  it('refuses a join without the secret before it uses the code or registers the device', async () => {
    const first = await t.registerClinic();
    const secret = randomBytes(32).toString('base64url');
    const created = await first.ws.post('/v1/enrollments', {
      ...versions,
      wrappedClinicKey: wrap(secret, CLINIC_KEY),
      secretProof: enrollmentProof(secret),
    });
    expect(created.status).toBe(201);
    const key = newWorkstationKey();
    const deviceId = randomUUID();
    const enroll = {
      ...versions,
      enrollmentId: created.data.enrollmentId,
      token: created.data.token,
      deviceId,
      deviceName: 'Room 3',
      csr: key.csrPem,
    };
    // The right id and token with another secret: one character of the code mistyped.
    const otherSecret = `${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`;
    const wrong = await t
      .anonymous()
      .post('/v1/enroll', { ...enroll, secretProof: enrollmentProof(otherSecret) });
    expect(wrong).toMatchObject({ status: 401, data: { code: 'UNAUTHENTICATED' } });
    expect(String(wrong.data.message)).toMatch(/not valid/);
    expect(JSON.stringify(wrong.data)).not.toContain('BEGIN CERTIFICATE');
    const missing = await t.anonymous().post('/v1/enroll', enroll);
    expect(missing).toMatchObject({ status: 400, data: { code: 'VALIDATION_FAILED' } });

    // No device row was left, and the code is still open.
    const devices = await t.server.store.listDevices(first.tenantId);
    expect(devices.map((d) => d.id)).toEqual([first.deviceId]);
    const before = await t.server.store.counts(new Date().toISOString());
    expect(before.openEnrollments).toBeGreaterThanOrEqual(1);

    // The right secret afterwards works, once.
    const joined = await t
      .anonymous()
      .post('/v1/enroll', { ...enroll, secretProof: enrollmentProof(secret) });
    expect(joined).toMatchObject({ status: 201, data: { tenantId: first.tenantId, deviceId } });
    expect(unwrap(secret, String(joined.data.wrappedClinicKey)).equals(CLINIC_KEY)).toBe(true);
    expect((await t.server.store.listDevices(first.tenantId)).map((d) => d.id).sort()).toEqual(
      [first.deviceId, deviceId].sort(),
    );
    const after = await t.server.store.counts(new Date().toISOString());
    expect(after.openEnrollments).toBe(before.openEnrollments - 1);
  });

  it('refuses sync requests without a client certificate', async () => {
    const res = await t.anonymous().post('/v1/pull', { ...versions, sentAt: Date.now(), after: 0 });
    expect(res).toMatchObject({ status: 401, data: { code: 'UNAUTHENTICATED' } });
  });

  it('reports counts, not data, to the admin', async () => {
    expect((await t.anonymous().get('/v1/metrics')).status).toBe(401);
    const m = await t.anonymous().get('/v1/metrics', { authorization: `Bearer ${t.adminToken}` });
    expect(m.status).toBe(200);
    expect(Object.keys(m.data).sort()).toEqual(
      [
        'auditEntries',
        'cells',
        'changes',
        'devices',
        'openEnrollments',
        'revokedDevices',
        'tenants',
        'uptimeSeconds',
      ].sort(),
    );
  });
});
