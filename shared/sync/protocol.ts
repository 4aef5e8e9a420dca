// The sync wire protocol (docs/sync-protocol.md): versions, limits and one zod
// schema per message. Client and server both import this file, so they cannot
// drift apart. Every request carries protocolVersion and schemaVersion; the
// server refuses a mismatch with UPDATE_REQUIRED before reading anything else.
import { z } from 'zod';
import { errorCodes } from '../errors';
import { Id } from '../domain/primitives';
import { AuditLog } from '../domain/audit-log';
import { entityTables, type EntityTable } from '../domain/entities';
import { isHlcText } from './hlc';

/** The shape of the messages. Bump on any incompatible change to this file. */
export const PROTOCOL_VERSION = 3;
/** The synced data model (shared/domain tables and columns). Bump when it changes incompatibly. */
export const SCHEMA_VERSION = 1;

/**
 * Limits the server enforces. The client splits its outbox into batches under
 * them (see batching.ts), so a user never meets "payload too large".
 */
export const SYNC_LIMITS = {
  /** Largest request body the server reads, in bytes of UTF-8 JSON. */
  maxBodyBytes: 8 * 1024 * 1024,
  maxChangesPerBatch: 1000,
  maxAuditPerBatch: 10000,
  /** One sealed change value (a row's changed columns, encrypted, base64 text), in characters. */
  maxValueChars: 2 * 1024 * 1024,
  /** Columns one change may name: more than any entity table has. */
  maxColumnsPerChange: 64,
  maxPullLimit: 10000,
  maxSnapshotLimit: 10000,
  /** The server stops filling a pull or snapshot page past this many value characters. */
  maxPageValueChars: 8 * 1024 * 1024,
} as const;

export const DEFAULT_ENROLLMENT_TTL_SECONDS = 15 * 60;

/** HLC text as produced by shared/sync/hlc.ts; its last part is the writing device. */
export const HlcText = z.string().max(100).refine(isHlcText, 'expected an HLC timestamp');

export const TableName = z.enum(entityTables as [EntityTable, ...EntityTable[]]);
export const ColumnName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'expected a column name');

/** Fields every request carries. `tenantId`, if present, must match the certificate's tenant. */
export const RequestBase = {
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
};

/** Read first, before the full schema, so a client of another version gets UPDATE_REQUIRED, not a validation error. */
export const VersionEnvelope = z.looseObject(RequestBase);
export type VersionEnvelope = z.infer<typeof VersionEnvelope>;

/**
 * One mutation of one row (protocol 3, "sealed row changes"): the columns it
 * changed, written by one device at one HLC, sealed together in one `value`
 * that the client encrypts end to end with the clinic key (AES-256-GCM; the
 * authenticated data binds tenant, table, row, HLC and this column list). The
 * table, row, column names and HLC stay in clear as routing metadata, so the
 * server and every replica merge per column (each listed column carries the
 * change's HLC) without decrypting. Deleting a row is a change of its
 * `deletedAt` column.
 */
export const Change = z.object({
  table: TableName,
  rowId: Id,
  columns: z
    .array(ColumnName)
    .min(1)
    .max(SYNC_LIMITS.maxColumnsPerChange)
    .refine((cols) => new Set(cols).size === cols.length, 'a column is named twice'),
  hlc: HlcText,
  value: z.string().max(SYNC_LIMITS.maxValueChars),
});
export type Change = z.infer<typeof Change>;

/** Milliseconds since the Unix epoch, from the sender's wall clock. */
const EpochMillis = z.number().int().nonnegative();

// ---- push -------------------------------------------------------------------

export const PushRequest = z.object({
  ...RequestBase,
  tenantId: Id.optional(),
  /** Chosen by the client per batch; a retry with the same id changes nothing. */
  batchId: z.uuid(),
  /** The client's wall clock when it sent the batch, for clock-offset measurement. */
  sentAt: EpochMillis,
  changes: z.array(Change).max(SYNC_LIMITS.maxChangesPerBatch),
  /** This device's audit entries in chain order (deviceSeq ascending); they carry no patient data. */
  audit: z.array(AuditLog).max(SYNC_LIMITS.maxAuditPerBatch),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResponse = z.object({
  /** The clinic this answer belongs to: a workstation refuses an answer for another. */
  tenantId: Id,
  /** Changes and audit entries stored by this request. */
  accepted: z.number().int().nonnegative(),
  /** Changes and audit entries the server already had (a retried batch reports all of them here). */
  duplicates: z.number().int().nonnegative(),
  /** The tenant's server sequence after this batch; this batch's items are at or below it. */
  serverSeq: z.number().int().nonnegative(),
  serverTime: EpochMillis,
  /** serverTime − sentAt: add it to the client's clock to get the server's (transit time included). */
  clockOffsetMs: z.number().int(),
});
export type PushResponse = z.infer<typeof PushResponse>;

// ---- pull -------------------------------------------------------------------

export const PullRequest = z.object({
  ...RequestBase,
  tenantId: Id.optional(),
  sentAt: EpochMillis,
  /** The last server sequence this client has applied; 0 at the start. */
  after: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(SYNC_LIMITS.maxPullLimit).optional(),
});
export type PullRequest = z.infer<typeof PullRequest>;

export const PulledChange = Change.extend({ serverSeq: z.number().int().positive() });
export type PulledChange = z.infer<typeof PulledChange>;

/**
 * A device's chain tip as the server holds it: its latest acknowledged audit
 * entry. Workstations cross-check their copies against it, so deleting the
 * newest entries of a chain (which a hash chain alone cannot reveal) is seen.
 */
export const AuditTip = z.object({
  deviceId: Id,
  deviceSeq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditTip = z.infer<typeof AuditTip>;

export const PullResponse = z.object({
  /** The clinic this answer belongs to: a workstation refuses an answer for another. */
  tenantId: Id,
  changes: z.array(PulledChange),
  /** Audit entries of every device of the clinic, in server-sequence order. */
  audit: z.array(AuditLog),
  /** Pass as `after` in the next pull. */
  nextCursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  serverTime: EpochMillis,
  clockOffsetMs: z.number().int(),
  /**
   * On the last page only (additive; older servers leave it out): every
   * device's chain tip among entries up to `nextCursor`, the workstation's own
   * included.
   */
  auditTips: z.array(AuditTip).optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---- head (is there anything new to pull?) ---------------------------------

/**
 * A cheap probe a workstation sends every couple of seconds while idle: the
 * clinic's last server sequence. It pulls only when that moved past its cursor,
 * so messages from other workstations arrive within seconds without a full
 * round each time.
 */
export const HeadRequest = z.object({
  ...RequestBase,
  tenantId: Id.optional(),
});
export type HeadRequest = z.infer<typeof HeadRequest>;

export const HeadResponse = z.object({
  tenantId: Id,
  /** The clinic's last server sequence (its own items included): pull when it exceeds the cursor. */
  lastSeq: z.number().int().nonnegative(),
});
export type HeadResponse = z.infer<typeof HeadResponse>;

// ---- snapshot (a new workstation's first sync) ----------------------------

export const SnapshotRequest = z.object({
  ...RequestBase,
  tenantId: Id.optional(),
  /** Absent on the first page: the server fixes the cursor then; send it back on every later page. */
  cursor: z.number().int().nonnegative().optional(),
  /** The server sequence of the previous page's last change (keyset paging); absent on the first page. */
  after: z.number().int().nonnegative().optional(),
  limit: z.number().int().positive().max(SYNC_LIMITS.maxSnapshotLimit).optional(),
});
export type SnapshotRequest = z.infer<typeof SnapshotRequest>;

export const SnapshotResponse = z.object({
  /** The clinic this answer belongs to: a workstation refuses an answer for another. */
  tenantId: Id,
  /** After the last page, pull with `after: cursor` to catch up. */
  cursor: z.number().int().nonnegative(),
  /**
   * Every stored change at or below `cursor` that still wins at least one
   * column, in sequence order. A change may list columns a later change has
   * since won: the per-column merge skips those.
   */
  changes: z.array(Change),
  /** Changes in the whole snapshot, for a progress bar; sent on the first page only. */
  total: z.number().int().nonnegative().optional(),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.number().int().nonnegative().nullable(),
  hasMore: z.boolean(),
});
export type SnapshotResponse = z.infer<typeof SnapshotResponse>;

// ---- errors and health ------------------------------------------------------

/** The body of every error response (shared/errors.ts ErrorPayload). */
export const ErrorResponse = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  schemaVersion: z.number().int(),
  serverTime: EpochMillis,
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const MetricsResponse = z.object({
  tenants: z.number().int().nonnegative(),
  devices: z.number().int().nonnegative(),
  revokedDevices: z.number().int().nonnegative(),
  changes: z.number().int().nonnegative(),
  cells: z.number().int().nonnegative(),
  auditEntries: z.number().int().nonnegative(),
  openEnrollments: z.number().int().nonnegative(),
  /** This instance only. */
  uptimeSeconds: z.number().int().nonnegative(),
});
export type MetricsResponse = z.infer<typeof MetricsResponse>;
