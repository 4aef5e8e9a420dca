// The clinic's workstations for an enrolled workstation of the same clinic:
// list, rename, revoke (docs/sync-protocol.md, "Workstations"). The server
// trusts the certificate for the clinic; which staff may ask is the core's
// rule (devices.manage), so these routes see only a device, never a user.
// Each rename and revocation is logged with the device that asked.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../../shared/errors';
import {
  ListDevicesRequest,
  RenameDeviceRequest,
  RevokeDeviceRequest,
  type ServerDevice,
} from '../../../../shared/sync/devices';
import type { SyncStore } from '../../store/types';
import { authenticateDevice } from '../client-device';
import type { ServerContext } from '../context';
import { parseRequest } from '../parse';

async function clinicDevices(store: SyncStore, tenantId: string): Promise<ServerDevice[]> {
  const [devices, activity] = await Promise.all([
    store.listDevices(tenantId),
    store.deviceActivity(tenantId),
  ]);
  const byId = new Map(activity.map((a) => [a.deviceId, a]));
  return devices.map((d) => ({
    deviceId: d.id,
    name: d.name,
    enrolledAt: d.createdAt,
    revokedAt: d.revokedAt,
    lastSeenAt: byId.get(d.id)?.lastSeenAt ?? null,
    auditEntriesHeld: byId.get(d.id)?.lastAuditSeq ?? 0,
  }));
}

const notFound = () =>
  new AppError('NOT_FOUND', 'This clinic has no workstation with that id on this server.');

export function deviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.post('/v1/devices/list', async (req) => {
    const device = await authenticateDevice(req, store);
    parseRequest(ListDevicesRequest, req.body);
    return { devices: await clinicDevices(store, device.tenantId) };
  });

  app.post('/v1/devices/rename', async (req) => {
    const device = await authenticateDevice(req, store);
    const body = parseRequest(RenameDeviceRequest, req.body);
    if (!(await store.renameDevice(device.tenantId, body.deviceId, body.name))) throw notFound();
    req.log.info({ by: device.deviceId, deviceId: body.deviceId }, 'device renamed');
    return { renamed: true as const };
  });

  app.post('/v1/devices/revoke', async (req) => {
    const device = await authenticateDevice(req, store);
    const body = parseRequest(RevokeDeviceRequest, req.body);
    if (body.deviceId === device.deviceId) {
      throw new AppError(
        'CONFLICT',
        'A workstation cannot revoke itself. Revoke it from another workstation of the clinic.',
      );
    }
    // Scoped to the clinic first: another clinic's device id is simply not found.
    const known = (await store.listDevices(device.tenantId)).some((d) => d.id === body.deviceId);
    if (!known) throw notFound();
    await store.revokeDevice(body.deviceId, ctx.now().toISOString());
    const revoked = (await clinicDevices(store, device.tenantId)).find(
      (d) => d.deviceId === body.deviceId,
    );
    if (!revoked) throw notFound();
    req.log.info({ by: device.deviceId, deviceId: body.deviceId }, 'device revoked');
    return { device: revoked };
  });
}
