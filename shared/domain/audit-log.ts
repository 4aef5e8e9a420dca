import { z } from 'zod';
import { Id, UtcTimestamp } from './primitives';
import { AuditAction } from './enums';

/**
 * One audit entry: who did what to which row, when, on which workstation.
 * Entries are insert-only. Each device's entries form a hash chain: `hash` is
 * SHA-256 over the entry's content and `prevHash`, the hash of the same
 * device's previous entry, so a deleted or rewritten entry is detectable.
 * `detail` never carries patient data.
 */
export const AuditLog = z.object({
  id: Id,
  tenantId: Id,
  /** Null for actions with no logged-in user (a failed login for an unknown email). */
  userId: Id.nullable(),
  action: AuditAction,
  tableAffected: z.string().max(64),
  recordId: z.string().max(64).nullable(),
  timestamp: UtcTimestamp,
  deviceId: Id,
  /** Position in this device's chain, from 1. */
  deviceSeq: z.number().int().positive(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  detail: z.string().max(500),
});
export type AuditLog = z.infer<typeof AuditLog>;

/** The hash of a chain's (virtual) entry 0. */
export const GENESIS_HASH = '0'.repeat(64);
