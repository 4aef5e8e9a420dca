// The sync outbox: one row per mutation, holding its per-column entries as
// JSON ({column: value}, sharing the mutation's HLC and device). The write path
// appends; the sync client reads rows in order and, once the server has stored
// them, acknowledges them here, which deletes them (so the table never grows
// without bound) and moves the audit watermark. Audit entries stay: they are
// the clinic's record.
import type { AuditLog } from '../../../shared/domain/audit-log';
import type { WritableDB } from '../store/db-handles';
import { cachedStatement } from '../store/statement-cache';
import type { SyncState } from '../store/sync-state';

export interface OutboxRow {
  seq: number;
  tbl: string;
  rowId: string;
  hlc: string;
  columns: string;
}

const APPEND = 'INSERT INTO sync_outbox (tbl, rowId, hlc, columns) VALUES (?, ?, ?, ?)';

export function appendOutbox(
  db: WritableDB,
  table: string,
  rowId: string,
  hlc: string,
  changed: Record<string, unknown>,
): void {
  cachedStatement(db, APPEND).run(table, rowId, hlc, JSON.stringify(changed));
}

export interface Outbox {
  pendingCount(): number;
  /** The oldest `limit` rows, in write order. */
  rows(limit: number): IterableIterator<OutboxRow>;
  /** This device's audit entries after `afterSeq`, in chain order. */
  unpushedAudit(limit: number): AuditLog[];
  /** The server stored everything up to these points: forget the outbox rows, move the watermark. */
  /**
   * Deletes outbox rows through `throughSeq` and marks this device's audit
   * entries through deviceSeq `auditThroughSeq` pushed (the server stored them).
   */
  acknowledge(ack: { throughSeq: number | null; auditThroughSeq: number | null }): void;
}

export function outbox(db: WritableDB, deviceId: string, sync: SyncState): Outbox {
  return {
    pendingCount: () =>
      (cachedStatement(db, 'SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n,
    rows: (limit) =>
      cachedStatement(
        db,
        'SELECT seq, tbl, rowId, hlc, columns FROM sync_outbox ORDER BY seq LIMIT ?',
      ).iterate(limit) as IterableIterator<OutboxRow>,
    unpushedAudit: (limit) =>
      cachedStatement(
        db,
        'SELECT id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail FROM audit_logs WHERE deviceId = ? AND deviceSeq > ? ORDER BY deviceSeq LIMIT ?',
      ).all(deviceId, sync.auditPushedSeq, limit) as AuditLog[],
    acknowledge({ throughSeq, auditThroughSeq }) {
      db.transaction(() => {
        if (throughSeq !== null)
          cachedStatement(db, 'DELETE FROM sync_outbox WHERE seq <= ?').run(throughSeq);
        // A batch carries the entries after the watermark in chain order, so they are one
        // range of deviceSeq: one statement on the (deviceId, deviceSeq) index marks them.
        const from = sync.auditPushedSeq;
        if (auditThroughSeq !== null && auditThroughSeq > from) {
          cachedStatement(
            db,
            'UPDATE audit_logs SET pushed = 1 WHERE deviceId = ? AND deviceSeq > ? AND deviceSeq <= ?',
          ).run(deviceId, from, auditThroughSeq);
          sync.auditPushedSeq = auditThroughSeq;
        }
      }).immediate();
    },
  };
}
