// Appends hash-chained audit entries. Runs inside the caller's transaction, and
// reads the chain tip from the database (not a cache), so a rolled-back
// transaction can never leave the chain pointing at an entry that isn't there.
import { createHash } from 'node:crypto';
import { auditHashInput, type AuditContent } from '../../../shared/audit/chain';
import { GENESIS_HASH, type AuditLog } from '../../../shared/domain/audit-log';
import type { AuditAction } from '../../../shared/domain/enums';
import type { Db } from '../store/open-database';
import { prepared } from '../store/prepared';
import { uuidV7 } from './uuid-v7';

export interface Actor {
  tenantId: string;
  userId: string | null;
  deviceId: string;
}

export const hashAudit = (content: AuditContent): string =>
  createHash('sha256').update(auditHashInput(content)).digest('hex');

export function chainTip(db: Db, deviceId: string): { deviceSeq: number; hash: string } {
  const row = prepared(
    db,
    'SELECT deviceSeq, hash FROM audit_logs WHERE deviceId = ? ORDER BY deviceSeq DESC LIMIT 1',
  ).get(deviceId) as { deviceSeq: number; hash: string } | undefined;
  return row ?? { deviceSeq: 0, hash: GENESIS_HASH };
}

export function appendAudit(
  db: Db,
  actor: Actor,
  entry: {
    action: AuditAction;
    table: string;
    recordId: string | null;
    detail?: string;
    timestamp: string;
  },
): AuditLog {
  const tip = chainTip(db, actor.deviceId);
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
  prepared(
    db,
    `INSERT INTO audit_logs (id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail)
     VALUES (@id, @tenantId, @userId, @action, @tableAffected, @recordId, @timestamp, @deviceId, @deviceSeq, @prevHash, @hash, @detail)`,
  ).run(log);
  return log;
}
