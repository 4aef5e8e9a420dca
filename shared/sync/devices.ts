// The clinic's workstations as the sync server knows them, for Admin →
// Sync → Workstations (docs/sync-protocol.md, "Workstations"). Every route is
// mutual TLS: a workstation of the clinic asks about its own clinic only; the
// core allows it to administrators holding devices.manage.
import { z } from 'zod';
import { Id, NonEmptyText, UtcTimestamp } from '../domain/primitives';
import { RequestBase } from './protocol';

export const ServerDevice = z.object({
  deviceId: Id,
  name: z.string(),
  enrolledAt: UtcTimestamp,
  revokedAt: UtcTimestamp.nullable(),
  /** Its last pull (a sync round ends with one), to the minute; null if it never synced. */
  lastSeenAt: UtcTimestamp.nullable(),
  /** How many of its audit entries the server holds (its chain's last sequence): what it had sent. */
  auditEntriesHeld: z.number().int().nonnegative(),
});
export type ServerDevice = z.infer<typeof ServerDevice>;

// ---- POST /v1/devices/list --------------------------------------------------
export const ListDevicesRequest = z.object({ ...RequestBase });
export const ListDevicesResponse = z.object({ devices: z.array(ServerDevice) });

// ---- POST /v1/devices/rename ------------------------------------------------
export const RenameDeviceRequest = z.object({
  ...RequestBase,
  deviceId: Id,
  name: NonEmptyText(100),
});
export const RenameDeviceResponse = z.object({ renamed: z.literal(true) });

// ---- POST /v1/devices/revoke ------------------------------------------------
/** Refused for the asking workstation itself; revoking twice keeps the first time. */
export const RevokeDeviceRequest = z.object({ ...RequestBase, deviceId: Id });
export const RevokeDeviceResponse = z.object({ device: ServerDevice });
