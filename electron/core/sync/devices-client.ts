// This workstation asking the sync server about the clinic's workstations
// (shared/sync/devices.ts): over its own mutual-TLS identity, so the server
// answers for this clinic only.
import { AppError } from '../../../shared/errors';
import {
  ListDevicesResponse,
  RenameDeviceResponse,
  RevokeDeviceResponse,
  type ServerDevice,
} from '../../../shared/sync/devices';
import type { ClinicStore } from '../clinic/clinic-store';
import { syncHttp, versions, type SyncHttp } from './sync-http';

function serverOf(store: ClinicStore): SyncHttp {
  const id = store.sync.identity();
  if (!id) throw new AppError('UNAVAILABLE', 'This workstation is not connected to a sync server.');
  return syncHttp(id.serverUrl, { ca: id.caPem, cert: id.certPem, key: id.keyPem });
}

export async function listServerDevices(store: ClinicStore): Promise<ServerDevice[]> {
  return (await serverOf(store).post('/v1/devices/list', versions, ListDevicesResponse)).devices;
}

export async function renameServerDevice(
  store: ClinicStore,
  deviceId: string,
  name: string,
): Promise<void> {
  await serverOf(store).post(
    '/v1/devices/rename',
    { ...versions, deviceId, name },
    RenameDeviceResponse,
  );
}

export async function revokeServerDevice(
  store: ClinicStore,
  deviceId: string,
): Promise<ServerDevice> {
  return (
    await serverOf(store).post(
      '/v1/devices/revoke',
      { ...versions, deviceId },
      RevokeDeviceResponse,
    )
  ).device;
}
