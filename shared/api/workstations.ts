// The contract of Admin → Sync → Workstations: the clinic's workstations as the
// sync server and this store know them, rename one, revoke one. Revocation goes
// through the sync server, which refuses the revoked workstation from then on;
// whatever it had not synced is lost, and the answer says what the server holds.
import { z } from 'zod';
import { channel } from './contract';
import { Id, NonEmptyText, UtcTimestamp } from '../domain/primitives';

export const WorkstationView = z.object({
  deviceId: Id,
  name: z.string(),
  /** The prefix of the numbers it issues; null until its first sync registered it here. */
  seriesCode: z.string().nullable(),
  enrolledAt: UtcTimestamp,
  lastSyncAt: UtcTimestamp.nullable(),
  /** Changes waiting to sync: known for this workstation only. */
  pendingChanges: z.number().int().nonnegative().nullable(),
  status: z.enum(['active', 'revoked']),
  revokedAt: UtcTimestamp.nullable(),
  thisWorkstation: z.boolean(),
  /** Audit entries of it that the server holds: how much of its work reached the clinic. */
  auditEntriesHeld: z.number().int().nonnegative(),
});
export type WorkstationView = z.infer<typeof WorkstationView>;

export const workstationChannels = {
  'workstations.list': channel(
    'workstations.list',
    z.object({}).strict(),
    z.array(WorkstationView),
    'devices.manage',
  ),
  'workstations.rename': channel(
    'workstations.rename',
    z.object({ deviceId: Id, name: NonEmptyText(100) }).strict(),
    WorkstationView,
    'devices.manage',
  ),
  'workstations.revoke': channel(
    'workstations.revoke',
    z.object({ deviceId: Id }).strict(),
    WorkstationView,
    'devices.manage',
  ),
} as const;
