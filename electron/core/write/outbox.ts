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

/**
 * Deletes the acknowledged rows without zeroing their pages: secure_delete
 * (on for the store, open-database.ts) would rewrite every freed page of the
 * batch, about one per four rows, on every acknowledgement. What the rows held
 * is a copy of values the store wrote to their tables (and the server holds),
 * the freed pages stay encrypted like every page of the file, and new outbox
 * rows reuse them first.
 */
function forgetThrough(db: WritableDB, throughSeq: number): void {
  db.pragma('secure_delete = OFF');
  try {
    cachedStatement(db, 'DELETE FROM sync_outbox WHERE seq <= ?').run(throughSeq);
  } finally {
    db.pragma('secure_delete = ON');
  }
}

export interface Outbox {
  pendingCount(): number;
  /** The oldest `limit` rows after `afterSeq` (all rows when null), in write order. */
  rows(limit: number, afterSeq?: number | null): IterableIterator<OutboxRow>;
  /**
   * This device's unpushed audit entries, in chain order: after the watermark,
   * or after `afterDeviceSeq` when a batch in flight already carries those before it.
   */
  unpushedAudit(limit: number, afterDeviceSeq?: number | null): AuditLog[];
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
    rows: (limit, afterSeq = null) =>
      cachedStatement(
        db,
        'SELECT seq, tbl, rowId, hlc, columns FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?',
      ).iterate(afterSeq ?? 0, limit) as IterableIterator<OutboxRow>,
    unpushedAudit: (limit, afterDeviceSeq = null) =>
      cachedStatement(
        db,
        'SELECT id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail FROM audit_logs WHERE deviceId = ? AND deviceSeq > ? ORDER BY deviceSeq LIMIT ?',
      ).all(deviceId, Math.max(sync.auditPushedSeq, afterDeviceSeq ?? 0), limit) as AuditLog[],
    acknowledge({ throughSeq, auditThroughSeq }) {
      db.transaction(() => {
        if (throughSeq !== null) forgetThrough(db, throughSeq);
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
