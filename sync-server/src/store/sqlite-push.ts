// A push on the embedded store, in one IMMEDIATE transaction: SQLite has one
// writer at a time, so the clinic's sequence is allocated and committed in order.
import type Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/errors';
import { cellKey, type CellValue } from '../../../shared/sync/merge';
import { changeKey, planPush } from '../sync/plan-push';
import type { PushInput, PushOutcome } from './types';

export function makeSqlitePush(db: Database.Database) {
  const stmts = {
    tenantSeq: db.prepare('SELECT last_seq FROM tenants WHERE id = ?').pluck(),
    batchSeen: db.prepare('SELECT 1 FROM batches WHERE tenant_id = ? AND batch_id = ?').pluck(),
    lastAudit: db.prepare(
      'SELECT device_seq AS deviceSeq, hash FROM audit WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1',
    ),
    auditHash: db.prepare('SELECT hash FROM audit WHERE device_id = ? AND device_seq = ?').pluck(),
    changeExists: db
      .prepare(
        'SELECT 1 FROM changes WHERE tenant_id = ? AND tbl = ? AND row_id = ? AND col = ? AND hlc = ?',
      )
      .pluck(),
    cell: db.prepare(
      'SELECT hlc, value FROM cells WHERE tenant_id = ? AND tbl = ? AND row_id = ? AND col = ?',
    ),
    insertChange: db.prepare(
      'INSERT INTO changes (tenant_id, seq, tbl, row_id, col, hlc, value, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    upsertCell: db.prepare(
      `INSERT INTO cells (tenant_id, tbl, row_id, col, hlc, value, seq) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc, value = excluded.value, seq = excluded.seq`,
    ),
    insertAudit: db.prepare(
      'INSERT INTO audit (tenant_id, seq, id, device_id, device_seq, hash, entry) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    setSeq: db.prepare('UPDATE tenants SET last_seq = ? WHERE id = ?'),
    insertBatch: db.prepare(
      'INSERT INTO batches (tenant_id, batch_id, device_id, received_at) VALUES (?, ?, ?, ?)',
    ),
  };

  return db.transaction((input: PushInput): PushOutcome => {
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
    const existingChanges = new Set<string>();
    const cells = new Map<string, CellValue>();
    for (const c of input.changes) {
      if (stmts.changeExists.get(input.tenantId, c.table, c.rowId, c.column, c.hlc))
        existingChanges.add(changeKey(c));
      const cell = stmts.cell.get(input.tenantId, c.table, c.rowId, c.column) as
        CellValue | undefined;
      if (cell) cells.set(cellKey(c), cell);
    }
    const plan = planPush(input, input.changes, input.audit, {
      lastSeq,
      lastAudit,
      storedAuditHashes,
      existingChanges,
      cells,
    });
    for (const { seq, change: c } of plan.changes) {
      stmts.insertChange.run(
        input.tenantId,
        seq,
        c.table,
        c.rowId,
        c.column,
        c.hlc,
        c.value,
        input.deviceId,
      );
    }
    for (const { seq, change: c } of plan.cellWrites) {
      stmts.upsertCell.run(input.tenantId, c.table, c.rowId, c.column, c.hlc, c.value, seq);
    }
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
    stmts.insertBatch.run(input.tenantId, input.batchId, input.deviceId, input.now);
    return { accepted: plan.accepted, duplicates: plan.duplicates, serverSeq: plan.lastSeq };
  });
}
