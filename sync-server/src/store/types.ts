// What the server keeps, behind one interface with two implementations: an
// embedded SQLite file (one clinic, no set-up) and PostgreSQL (many clinics,
// several stateless server instances). Every method is one transaction; no
// authoritative state lives in the server process.
import type { AuditLog } from '../../../shared/domain/audit-log';
import type { Change } from '../../../shared/sync/protocol';
import type { AuditPage, PullPage, SnapshotPage } from '../sync/pages';
import type { AuditTip } from '../../../shared/sync/protocol';

export type { AuditPage, PullPage, SnapshotPage } from '../sync/pages';

export interface DeviceRecord {
  id: string;
  tenantId: string;
  name: string;
  certFingerprint: string;
  certSerial: string;
  createdAt: string;
  revokedAt: string | null;
}

export type NewDevice = Omit<DeviceRecord, 'revokedAt'>;

export interface DeviceActivity {
  deviceId: string;
  lastSeenAt: string | null;
  /** The highest device_seq of its audit entries here; 0 when none. */
  lastAuditSeq: number;
}

export interface NewEnrollment {
  id: string;
  tenantId: string;
  createdBy: string;
  /** SHA-256 (hex) of the token and the secret's proof: a copy of the database cannot be used to enroll. */
  tokenHash: string;
  wrappedClinicKey: string;
  createdAt: string;
  expiresAt: string;
}

export interface PushInput {
  tenantId: string;
  deviceId: string;
  batchId: string;
  changes: readonly Change[];
  audit: readonly AuditLog[];
  now: string;
}

export interface PushOutcome {
  accepted: number;
  duplicates: number;
  serverSeq: number;
}

export interface StoreCounts {
  tenants: number;
  devices: number;
  revokedDevices: number;
  changes: number;
  cells: number;
  auditEntries: number;
  openEnrollments: number;
}

export interface SyncStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Server-wide values (the CA, the admin token's hash). */
  getSecret(name: string): Promise<string | null>;
  /** Stores `value` unless another instance got there first; returns the value that won. */
  putSecretIfAbsent(name: string, value: string): Promise<string>;
  /** Replaces the value only if it is still `expected` (another instance may have done it); returns the value now stored. */
  replaceSecret(name: string, expected: string, value: string): Promise<string>;

  /** A new clinic and its first device. CONFLICT if the tenant or device exists. */
  registerClinic(
    tenant: { id: string; name: string; createdAt: string },
    device: NewDevice,
  ): Promise<void>;
  createEnrollment(enrollment: NewEnrollment): Promise<void>;
  /** The tenant an enrollment belongs to, if id and token match and it is still usable (typed errors otherwise). */
  checkEnrollment(id: string, tokenHash: string, now: string): Promise<{ tenantId: string }>;
  /** Ends an unused, unexpired code of this clinic now; false when there is none such. */
  cancelEnrollment(id: string, tenantId: string, now: string): Promise<boolean>;
  /** Consumes the enrollment and registers the device, atomically (a second use fails). */
  enrollDevice(
    id: string,
    tokenHash: string,
    now: string,
    device: NewDevice,
  ): Promise<{ wrappedClinicKey: string }>;

  findDeviceByFingerprint(fingerprint: string): Promise<DeviceRecord | null>;
  listDevices(tenantId?: string): Promise<DeviceRecord[]>;
  /** False if no such device; revoking twice keeps the first time. */
  revokeDevice(deviceId: string, now: string): Promise<boolean>;
  /** Per device of the clinic: its last pull and the last sequence of its audit chain held here. */
  deviceActivity(tenantId: string): Promise<DeviceActivity[]>;
  /** Records a pull, at most once a minute per device (one small write, not one per page). */
  touchDevice(deviceId: string, now: string): Promise<void>;
  /** False if the clinic has no such device. */
  renameDevice(tenantId: string, deviceId: string, name: string): Promise<boolean>;

  /** The clinic's last server sequence (0 for none): one primary-key read, for `/v1/head`. */
  lastSeq(tenantId: string): Promise<number>;
  push(input: PushInput): Promise<PushOutcome>;
  /**
   * Items after `after` in sequence order. With `excludeDevice`, that device's own changes and
   * audit entries are left out (no echo) and the cursor still moves past them.
   */
  pull(
    tenantId: string,
    after: number,
    limit: number,
    excludeDevice?: string | null,
  ): Promise<PullPage>;
  snapshot(
    tenantId: string,
    cursor: number | null,
    /** The sequence of the previous page's last change (null: the first page). */
    after: number | null,
    limit: number,
  ): Promise<SnapshotPage>;
  /** Each device's latest audit entry with seq <= upTo (its chain tip), for the devices of a tenant. */
  auditTips(tenantId: string, upTo: number): Promise<AuditTip[]>;
  /** Audit entries with after < seq <= upTo, in sequence order (a new workstation's history). */
  auditPage(tenantId: string, after: number, upTo: number, limit: number): Promise<AuditPage>;
  counts(now: string): Promise<StoreCounts>;
  close(): Promise<void>;
}
