// Checks on a pushed batch that need no stored state: it must belong to the
// certificate's tenant and device, its clock must be sane, and its audit
// entries must hash correctly and link to each other. Any failure refuses the
// whole batch before anything is written.
import { createHash } from 'node:crypto';
import type { AuditLog } from '../../../shared/domain/audit-log';
import { auditHashInput } from '../../../shared/audit/chain';
import { AppError } from '../../../shared/errors';
import { MAX_DRIFT_MS, parseHlc } from '../../../shared/sync/hlc';
import type { Change } from '../../../shared/sync/protocol';

export interface BatchOwner {
  tenantId: string;
  deviceId: string;
}

export const hashAuditEntry = (entry: AuditLog): string => {
  const { hash: _hash, ...content } = entry;
  return createHash('sha256').update(auditHashInput(content)).digest('hex');
};

/** Checks on changes: the route runs them before touching the store. */
export function checkChanges(owner: BatchOwner, changes: readonly Change[], nowMs: number): void {
  for (const change of changes) {
    // The tenants table is keyed by tenant id: a row of another tenant is another clinic's data.
    if (change.table === 'tenants' && change.rowId !== owner.tenantId) {
      throw new AppError('FORBIDDEN', 'This batch writes to another clinic; nothing was stored.');
    }
    const hlc = parseHlc(change.hlc);
    if (hlc.deviceId !== owner.deviceId) {
      throw new AppError(
        'FORBIDDEN',
        'Changes must be stamped by the workstation that sends them; nothing was stored.',
      );
    }
    // A clock far ahead would win every merge until real time caught up; refuse it
    // (the client keeps the batch and retries once its clock is fixed).
    if (hlc.millis - nowMs > MAX_DRIFT_MS) {
      const minutes = Math.round((hlc.millis - nowMs) / 60000);
      throw new AppError(
        'CLOCK_SKEW',
        `This workstation's clock is about ${minutes} minutes ahead of the server. Correct it, then sync again.`,
      );
    }
  }
}

/** Checks within the batch's audit entries; the store runs them inside its transaction (plan-push.ts). */
export function checkAuditEntries(owner: BatchOwner, audit: readonly AuditLog[]): void {
  let previous: AuditLog | null = null;
  for (const entry of audit) {
    if (entry.tenantId !== owner.tenantId) {
      throw new AppError(
        'FORBIDDEN',
        'This batch carries audit entries of another clinic; nothing was stored.',
      );
    }
    if (entry.deviceId !== owner.deviceId) {
      throw new AppError(
        'INTEGRITY_FAILED',
        `Audit entry ${entry.deviceSeq} names another workstation; nothing was stored.`,
      );
    }
    if (hashAuditEntry(entry) !== entry.hash) {
      throw new AppError(
        'INTEGRITY_FAILED',
        `Audit entry ${entry.deviceSeq} does not match its hash: the audit log was altered. Nothing was stored.`,
      );
    }
    if (
      previous &&
      (entry.deviceSeq !== previous.deviceSeq + 1 || entry.prevHash !== previous.hash)
    ) {
      throw new AppError(
        'INTEGRITY_FAILED',
        `Audit entry ${entry.deviceSeq} does not follow entry ${previous.deviceSeq}: the audit chain is broken. Nothing was stored.`,
      );
    }
    previous = entry;
  }
}
