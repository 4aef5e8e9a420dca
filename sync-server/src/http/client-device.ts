// Binds a request to the device (and so the tenant) of its client certificate.
// The TLS layer asks every client for a certificate but lets those without one
// through, because registration, enrollment and health need no certificate;
// every other route calls this first.
import { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/errors';
import type { SyncStore } from '../store/types';

export interface ClientDevice {
  tenantId: string;
  deviceId: string;
}

export async function authenticateDevice(
  req: FastifyRequest,
  store: SyncStore,
): Promise<ClientDevice> {
  const socket = req.raw.socket;
  if (!(socket instanceof TLSSocket) || !socket.authorized) {
    throw new AppError(
      'UNAUTHENTICATED',
      'This request needs a workstation certificate issued by this server.',
    );
  }
  const fingerprint = socket.getPeerCertificate().fingerprint256;
  const device = fingerprint ? await store.findDeviceByFingerprint(fingerprint) : null;
  if (!device) {
    throw new AppError(
      'UNAUTHENTICATED',
      'This workstation certificate is not registered on this server.',
    );
  }
  if (device.revokedAt !== null) {
    throw new AppError(
      'REVOKED',
      'This workstation was removed from the clinic. Ask an administrator to enroll it again.',
    );
  }
  return { tenantId: device.tenantId, deviceId: device.id };
}

/** The tenant always comes from the certificate; a body naming another one is refused. */
export function assertSameTenant(device: ClientDevice, bodyTenantId: string | undefined): void {
  if (bodyTenantId !== undefined && bodyTenantId !== device.tenantId) {
    throw new AppError('FORBIDDEN', "This workstation cannot reach another clinic's data.");
  }
}
