// A push on the embedded store. It runs inside a transaction (group-commit.ts:
// a savepoint of the IMMEDIATE transaction several pushes share): SQLite has
// one writer at a time, so the clinic's sequence is allocated and committed in order.
import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { batchIdHorizon, planPush, rowKey, type RowCells } from '../sync/plan-push';
import { decodeRowCells, encodeRowCells } from '../sync/row-cells';
import { pushFault } from './push-fault';
import type { PushInput, PushOutcome } from './types';

export function makeSqlitePush(db: Database.Database) {
  const stmts = {
    tenantSeq: db.prepare('SELECT last_seq FROM tenants WHERE id = ?').pluck(),
    batchSeen: db.prepare('SELECT 1 FROM batches WHERE tenant_id = ? AND batch_id = ?').pluck(),
    lastAudit: db.prepare(
      'SELECT device_seq AS deviceSeq, hash FROM audit WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1',
    ),
    auditHash: db.prepare('SELECT hash FROM audit WHERE device_id = ? AND device_seq = ?').pluck(),
    rowCells: db
      .prepare('SELECT cells FROM row_cells WHERE tenant_id = ? AND tbl = ? AND row_id = ?')
      .pluck(),
    writeRowCells: db.prepare(
      `INSERT INTO row_cells (tenant_id, tbl, row_id, cells) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant_id, tbl, row_id) DO UPDATE SET cells = excluded.cells`,
    ),
    deleteChange: db.prepare('DELETE FROM changes WHERE tenant_id = ? AND seq = ?'),
    insertChange: db.prepare(
      'INSERT INTO changes (tenant_id, seq, tbl, row_id, cols, hlc, value, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertAudit: db.prepare(
      'INSERT INTO audit (tenant_id, seq, id, device_id, device_seq, hash, entry) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    setSeq: db.prepare('UPDATE tenants SET last_seq = ? WHERE id = ?'),
    insertBatch: db.prepare(
      'INSERT INTO batches (tenant_id, batch_id, device_id, received_at) VALUES (?, ?, ?, ?)',
    ),
    expireBatches: db.prepare('DELETE FROM batches WHERE tenant_id = ? AND received_at < ?'),
  };

  return (input: PushInput): PushOutcome => {
    const lastSeq = stmts.tenantSeq.get(input.tenantId) as number | undefined;
    if (lastSeq === undefined)
      throw new AppError('NOT_FOUND', 'This clinic is not registered on the server.');
    if (stmts.batchSeen.get(input.tenantId, input.batchId)) {
      return {
        accepted: 0,
        duplicates: input.changes.length + input.audit.length,
        serverSeq: lastSeq,
      };
    }
    const lastAudit =
      (stmts.lastAudit.get(input.deviceId) as { deviceSeq: number; hash: string } | undefined) ??
      null;
    const storedAuditHashes = new Map<number, string>();
    for (const e of input.audit) {
      if (lastAudit && e.deviceSeq <= lastAudit.deviceSeq) {
        const h = stmts.auditHash.get(input.deviceId, e.deviceSeq) as string | undefined;
        if (h !== undefined) storedAuditHashes.set(e.deviceSeq, h);
      }
    }
    // One lookup per row the batch touches: its columns' stored winners.
    const rows = new Map<string, RowCells>();
    for (const c of input.changes) {
      const key = rowKey(c.table, c.rowId);
      if (rows.has(key)) continue;
      const cells = stmts.rowCells.get(input.tenantId, c.table, c.rowId) as string | undefined;
      if (cells !== undefined) rows.set(key, decodeRowCells(cells));
    }
    const plan = planPush(input, input.changes, input.audit, {
      lastSeq,
      lastAudit,
      storedAuditHashes,
      rows,
    });
    for (const seq of plan.replaced) stmts.deleteChange.run(input.tenantId, seq);
    for (const { seq, change: c } of plan.changes) {
      stmts.insertChange.run(
        input.tenantId,
        seq,
        c.table,
        c.rowId,
        c.columns.join(','),
        c.hlc,
        c.value,
        input.deviceId,
      );
    }
    for (const r of plan.rows)
      stmts.writeRowCells.run(input.tenantId, r.table, r.rowId, encodeRowCells(r.cells));
    pushFault({ step: 'changes-written', changes: plan.changes.length });
    for (const { seq, entry } of plan.audit) {
      stmts.insertAudit.run(
        input.tenantId,
        seq,
        entry.id,
        entry.deviceId,
        entry.deviceSeq,
        entry.hash,
        JSON.stringify(entry),
      );
    }
    stmts.setSeq.run(plan.lastSeq, input.tenantId);
    stmts.expireBatches.run(input.tenantId, batchIdHorizon(input.now));
    stmts.insertBatch.run(input.tenantId, input.batchId, input.deviceId, input.now);
    return { accepted: plan.accepted, duplicates: plan.duplicates, serverSeq: plan.lastSeq };
  };
}
