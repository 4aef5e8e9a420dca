// Appends hash-chained audit entries. Runs inside the caller's transaction, and
// reads the chain tip from the database (not a cache), so a rolled-back
// transaction can never leave the chain pointing at an entry that isn't there.
import { createHash } from 'node:crypto';
import { auditHashInput, type AuditContent } from '../../../shared/audit/chain';
import { GENESIS_HASH, type AuditLog } from '../../../shared/domain/audit-log';
import type { AuditAction } from '../../../shared/domain/enums';
import type { WritableDB } from '../store/db-handles';
import { cachedStatement } from '../store/statement-cache';
import { uuidV7 } from './uuid-v7';

export interface Actor {
  tenantId: string;
  userId: string | null;
  deviceId: string;
}

export const hashAudit = (content: AuditContent): string =>
  createHash('sha256').update(auditHashInput(content)).digest('hex');

const TIP =
  'SELECT deviceSeq, hash FROM audit_logs WHERE deviceId = ? ORDER BY deviceSeq DESC LIMIT 1';
// Positional parameters: binding twelve named ones from an object costs more than the insert's JavaScript.
const INSERT = `INSERT INTO audit_logs (id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function appendAudit(
  db: WritableDB,
  actor: Actor,
  entry: {
    action: AuditAction;
    table: string;
    recordId: string | null;
    detail?: string;
    timestamp: string;
  },
): AuditLog {
  const tip = (cachedStatement(db, TIP).get(actor.deviceId) as
    { deviceSeq: number; hash: string } | undefined) ?? { deviceSeq: 0, hash: GENESIS_HASH };
  const content: AuditContent = {
    // Time-ordered ids append to the primary-key B-tree instead of touching a random page per entry.
    id: uuidV7(Date.parse(entry.timestamp)),
    tenantId: actor.tenantId,
    userId: actor.userId,
    action: entry.action,
    tableAffected: entry.table,
    recordId: entry.recordId,
    timestamp: entry.timestamp,
    deviceId: actor.deviceId,
    deviceSeq: tip.deviceSeq + 1,
    prevHash: tip.hash,
    detail: (entry.detail ?? '').slice(0, 500),
  };
  const log: AuditLog = { ...content, hash: hashAudit(content) };
  cachedStatement(db, INSERT).run(
    log.id,
    log.tenantId,
    log.userId,
    log.action,
    log.tableAffected,
    log.recordId,
    log.timestamp,
    log.deviceId,
    log.deviceSeq,
    log.prevHash,
    log.hash,
    log.detail,
  );
  return log;
}
