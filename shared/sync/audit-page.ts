// POST /v1/audit: pages of the clinic's audit entries by server sequence, so a
// workstation that bootstrapped from a snapshot (which carries cells only)
// still receives every audit entry written before it joined.
import { z } from 'zod';
import { AuditLog } from '../domain/audit-log';
import { Id } from '../domain/primitives';
import { RequestBase } from './protocol';

export const AuditPageRequest = z.object({
  ...RequestBase,
  tenantId: Id.optional(),
  /** Server sequence already received; 0 at first. */
  after: z.number().int().nonnegative(),
  /** Stop at this sequence (the snapshot's cursor); later entries come with pulls. */
  upTo: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(5000).optional(),
});
export type AuditPageRequest = z.infer<typeof AuditPageRequest>;

export const AuditPageResponse = z.object({
  /** The clinic this answer belongs to: a workstation refuses an answer for another. */
  tenantId: Id,
  audit: z.array(AuditLog),
  nextCursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type AuditPageResponse = z.infer<typeof AuditPageResponse>;
