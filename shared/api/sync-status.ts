// The status area's view of sync. Filled in by the sync client; before a
// workstation is connected it reports local state only (pending changes).
import { z } from 'zod';
import { channel } from './contract';
import { NonEmptyText, UtcTimestamp } from '../domain/primitives';
import { AppointmentView } from './scheduling';

export const SyncStatus = z.object({
  connected: z.boolean(),
  online: z.boolean(),
  pendingChanges: z.number().int(),
  lastSyncAt: UtcTimestamp.nullable(),
  conflicts: z.number().int(),
  clockWarning: z.string().nullable(),
  /** Audit entries missing or rewritten against the chain tips the server acknowledged, or null. */
  auditWarning: z.string().nullable(),
  bootstrapProgress: z.number().min(0).max(1).nullable(),
  /** The clinic revoked this workstation on the sync server: it can no longer sync. */
  revoked: z.boolean(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Two appointments that overlap after a merge: staff resolve it by moving or cancelling one. */
export const SyncConflict = z.object({
  kind: z.enum(['doctor', 'patient']),
  appointments: z.tuple([AppointmentView, AppointmentView]),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

const ServerTarget = {
  serverUrl: z.url({ protocol: /^https$/ }),
  /** The CA's SHA-256 fingerprint printed by the server: it is pinned. */
  fingerprint: z
    .string()
    .regex(/^[0-9A-Fa-f:]{64,95}$/, 'paste the fingerprint the server printed'),
};

export const syncStatusChannels = {
  'sync.status': channel('sync.status', z.object({}).strict(), SyncStatus, 'public'),
  'sync.now': channel('sync.now', z.object({}).strict(), SyncStatus, 'session'),
  'sync.conflicts': channel(
    'sync.conflicts',
    z.object({}).strict(),
    z.array(SyncConflict),
    'appointments.read',
  ),
  'sync.connect': channel(
    'sync.connect',
    z
      .object({
        ...ServerTarget,
        adminToken: z.string().min(16).max(200),
        deviceName: NonEmptyText(100),
      })
      .strict(),
    SyncStatus,
    'sync.manage',
  ),
  'sync.enrollmentCode': channel(
    'sync.enrollmentCode',
    z.object({}).strict(),
    z.object({ code: z.string(), expiresAt: UtcTimestamp }),
    'devices.manage',
  ),
  'sync.cancelEnrollmentCode': channel(
    'sync.cancelEnrollmentCode',
    z.object({ code: z.string().trim().min(1).max(500) }).strict(),
    z.object({ cancelled: z.literal(true) }),
    'devices.manage',
  ),
  /** First run on a new workstation: join an existing clinic with a one-time code. */
  'setup.joinClinic': channel(
    'setup.joinClinic',
    z
      .object({
        ...ServerTarget,
        code: z.string().trim().min(10).max(200),
        deviceName: NonEmptyText(100),
      })
      .strict(),
    SyncStatus,
    'public',
  ),
} as const;
