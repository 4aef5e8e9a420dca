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
        // A batch carries the entries after the watermark in chain order: moving the
        // watermark marks them all pushed. Rewriting each entry's row (a `pushed` flag)
        // would cost a page write per few entries on every batch; the flag is kept for
        // pulled entries only, and the tip check reads the watermark for this device's.
        if (auditThroughSeq !== null && auditThroughSeq > sync.auditPushedSeq)
          sync.auditPushedSeq = auditThroughSeq;
      }).immediate();
    },
  };
}
