// Registering a clinic (admin token) and enrolling workstations with one-time
// codes (docs/sync-protocol.md, "Enrollment"). The server signs CSRs; private
// keys never leave the workstations.
import { createHash, randomBytes } from 'node:crypto';
import { newEnrollmentId } from '../enrollment-id';
import type { FastifyInstance } from 'fastify';
import {
  CreateEnrollmentRequest,
  DEFAULT_ENROLLMENT_TTL_SECONDS,
  EnrollRequest,
  RegisterClinicRequest,
  type CreateEnrollmentResponse,
  type EnrollResponse,
  type RegisterClinicResponse,
  CancelEnrollmentRequest,
} from '../../../../shared/sync/enrollment';
import { signClientCsr } from '../../pki/certs';
import { assertSameTenant, authenticateDevice } from '../client-device';
import type { ServerContext } from '../context';
import { parseRequest } from '../parse';
import { AppError } from '../../../../shared/errors';

/**
 * What the store keeps of a code: SHA-256 of the token and the proof of the secret
 * together. A wrong token or a joiner without the secret gets the same refusal,
 * before the code is used up or a device registered; a copy of the database cannot enroll.
 */
const codeHash = (token: string, secretProof: string) =>
  createHash('sha256').update(`${token}.${secretProof}`).digest('hex');

export function enrollmentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, identity } = ctx;

  app.post('/v1/clinics', async (req, reply): Promise<RegisterClinicResponse> => {
    ctx.admin.assert(req);
    const body = parseRequest(RegisterClinicRequest, req.body);
    const now = ctx.now();
    const issued = signClientCsr(
      identity.ca,
      body.csr,
      { deviceId: body.deviceId, tenantId: body.tenantId },
      now,
    );
    await store.registerClinic(
      { id: body.tenantId, name: body.clinicName, createdAt: now.toISOString() },
      {
        id: body.deviceId,
        tenantId: body.tenantId,
        name: body.deviceName,
        certFingerprint: issued.fingerprint,
        certSerial: issued.serial,
        createdAt: now.toISOString(),
      },
    );
    void reply.status(201);
    return {
      tenantId: body.tenantId,
      deviceId: body.deviceId,
      certificate: issued.certPem,
      caCertificate: identity.ca.certPem,
    };
  });

  app.post('/v1/enrollments', async (req, reply): Promise<CreateEnrollmentResponse> => {
    const device = await authenticateDevice(req, store);
    const body = parseRequest(CreateEnrollmentRequest, req.body);
    assertSameTenant(device, body.tenantId);
    const now = ctx.now();
    const expiresAt = new Date(
      now.getTime() + (body.expiresInSeconds ?? DEFAULT_ENROLLMENT_TTL_SECONDS) * 1000,
    );
    const enrollmentId = newEnrollmentId();
    const token = randomBytes(16).toString('base64url');
    await store.createEnrollment({
      id: enrollmentId,
      tenantId: device.tenantId,
      createdBy: device.deviceId,
      tokenHash: codeHash(token, body.secretProof),
      wrappedClinicKey: body.wrappedClinicKey,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    void reply.status(201);
    return { enrollmentId, token, expiresAt: expiresAt.toISOString() };
  });

  app.post('/v1/enrollments/cancel', async (req) => {
    const device = await authenticateDevice(req, store);
    const body = parseRequest(CancelEnrollmentRequest, req.body);
    const cancelled = await store.cancelEnrollment(
      body.enrollmentId,
      device.tenantId,
      ctx.now().toISOString(),
    );
    if (!cancelled)
      throw new AppError(
        'NOT_FOUND',
        'No open enrollment code of this clinic has that id (it may be used or expired already).',
      );
    return { cancelled: true as const };
  });

  app.post('/v1/enroll', async (req, reply): Promise<EnrollResponse> => {
    const body = parseRequest(EnrollRequest, req.body);
    const now = ctx.now().toISOString();
    const hash = codeHash(body.token, body.secretProof);
    // Checked before anything is signed or written: a wrong secret leaves the code usable.
    const { tenantId } = await store.checkEnrollment(body.enrollmentId, hash, now);
    const issued = signClientCsr(
      identity.ca,
      body.csr,
      { deviceId: body.deviceId, tenantId },
      ctx.now(),
    );
    // Consuming the code and registering the device is one transaction: if another
    // request used the code meanwhile, this fails and the certificate just signed is never registered.
    const { wrappedClinicKey } = await store.enrollDevice(body.enrollmentId, hash, now, {
      id: body.deviceId,
      tenantId,
      name: body.deviceName,
      certFingerprint: issued.fingerprint,
      certSerial: issued.serial,
      createdAt: now,
    });
    void reply.status(201);
    return {
      tenantId,
      deviceId: body.deviceId,
      certificate: issued.certPem,
      caCertificate: identity.ca.certPem,
      wrappedClinicKey,
    };
  });
}
