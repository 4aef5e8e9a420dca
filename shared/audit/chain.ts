// The canonical bytes an audit entry's hash covers. Both the app core and the
// sync server hash this string with SHA-256 (node:crypto); keeping the
// serialization here means the two can never disagree on it.
import type { AuditLog } from '../domain/audit-log';

export type AuditContent = Omit<AuditLog, 'hash'>;

/** Fixed field order; JSON.stringify of an array keeps it stable across engines. */
export const auditHashInput = (e: AuditContent): string =>
  JSON.stringify([
    e.id,
    e.tenantId,
    e.userId,
    e.action,
    e.tableAffected,
    e.recordId,
    e.timestamp,
    e.deviceId,
    e.deviceSeq,
    e.prevHash,
    e.detail,
  ]);
