// Reading the local outbox and audit log as push batches, and acknowledging
// them once the server has stored them. Outbox rows are deleted on ack, so the
// change table never grows without bound; audit entries stay (they are the
// clinic's record) and are only marked pushed.
import type { AuditLog } from '../../../shared/domain/audit-log';
import { isEntityTable } from '../../../shared/domain/entities';
import { SYNC_LIMITS, type Change } from '../../../shared/sync/protocol';
import { utf8Length } from '../../../shared/sync/batching';
import type { ClinicStore } from '../store/clinic-store';
import { getMeta, setMeta } from '../store/local-meta';
import { encryptCellValue } from './value-crypto';

export interface PushBatch {
  changes: Change[];
  audit: AuditLog[];
  /** Outbox rows fully contained in this batch, to delete on ack. */
  lastOutboxSeq: number | null;
  auditIds: string[];
}

const ENVELOPE = 2048;

/** The next batch to push (changes first, then audit), within the protocol's limits. */
export function nextPushBatch(store: ClinicStore, limits = SYNC_LIMITS): PushBatch | null {
  const tenantId = store.tenantId;
  if (!tenantId) return null;
  const batch: PushBatch = { changes: [], audit: [], lastOutboxSeq: null, auditIds: [] };
  let bytes = ENVELOPE;
  const rows = store.db
    .prepare('SELECT seq, tbl, rowId, hlc, columns FROM sync_outbox ORDER BY seq LIMIT ?')
    .iterate(limits.maxChangesPerBatch) as IterableIterator<{
    seq: number;
    tbl: string;
    rowId: string;
    hlc: string;
    columns: string;
  }>;
  for (const row of rows) {
    if (!isEntityTable(row.tbl)) continue;
    const table = row.tbl;
    const columns = Object.entries(JSON.parse(row.columns) as Record<string, unknown>);
    const changes: Change[] = columns.map(([column, value]) => ({
      table,
      rowId: row.rowId,
      column,
      hlc: row.hlc,
      value: encryptCellValue(store.keyring, tenantId, { table, rowId: row.rowId, column }, value),
    }));
    const size = changes.reduce((n, c) => n + utf8Length(JSON.stringify(c)) + 1, 0);
    // A mutation's columns travel together: never split one outbox row across batches.
    if (
      batch.changes.length > 0 &&
      (batch.changes.length + changes.length > limits.maxChangesPerBatch ||
        bytes + size > limits.maxBodyBytes)
    ) {
      break;
    }
    batch.changes.push(...changes);
    batch.lastOutboxSeq = row.seq;
    bytes += size;
  }
  if (batch.changes.length === 0 || bytes < limits.maxBodyBytes / 2) {
    const audit = store.db
      .prepare(
        'SELECT id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail FROM audit_logs WHERE deviceId = ? AND deviceSeq > ? ORDER BY deviceSeq LIMIT ?',
      )
      .all(
        store.deviceId,
        Number(getMeta(store.db, 'sync:auditPushedSeq') ?? '0'),
        limits.maxAuditPerBatch,
      ) as AuditLog[];
    for (const entry of audit) {
      const size = utf8Length(JSON.stringify(entry)) + 1;
      if (bytes + size > limits.maxBodyBytes) break;
      batch.audit.push(entry);
      batch.auditIds.push(entry.id);
      bytes += size;
    }
  }
  return batch.changes.length + batch.audit.length > 0 ? batch : null;
}

export function acknowledgeBatch(store: ClinicStore, batch: PushBatch): void {
  store.transaction(() => {
    if (batch.lastOutboxSeq !== null)
      store.db.prepare('DELETE FROM sync_outbox WHERE seq <= ?').run(batch.lastOutboxSeq);
    const mark = store.db.prepare('UPDATE audit_logs SET pushed = 1 WHERE id = ?');
    for (const id of batch.auditIds) mark.run(id);
    const last = batch.audit.at(-1);
    if (last) setMeta(store.db, 'sync:auditPushedSeq', String(last.deviceSeq));
  });
}

export const pendingChangeCount = (store: ClinicStore): number =>
  (store.db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
