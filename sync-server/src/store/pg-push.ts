// A push on PostgreSQL, in one transaction. The tenant's row is locked first
// (SELECT … FOR UPDATE), which serializes pushes of one clinic across every
// server instance: sequences are allocated and committed in order, so a pull
// after cursor N never misses an item that commits later with a lower number.
import type { PoolClient } from 'pg';
import { AppError } from '../../../shared/errors';
import {
  batchIdHorizon,
  planPush,
  rowKey,
  type RowCells,
  type SequencedChange,
} from '../sync/plan-push';
import { decodeRowCells, encodeRowCells } from '../sync/row-cells';
import { pushFault } from './push-fault';
import type { PushInput, PushOutcome } from './types';

const columns = (items: readonly SequencedChange[]) => ({
  seq: items.map((s) => s.seq),
  tbl: items.map((s) => s.change.table),
  row: items.map((s) => s.change.rowId),
  cols: items.map((s) => s.change.columns.join(',')),
  hlc: items.map((s) => s.change.hlc),
  value: items.map((s) => s.change.value),
});

export async function pgPush(c: PoolClient, input: PushInput): Promise<PushOutcome> {
  const { tenantId, deviceId } = input;
  const tenant = await c.query<{ last_seq: string }>(
    'SELECT last_seq FROM tenants WHERE id = $1 FOR UPDATE',
    [tenantId],
  );
  const seqText = tenant.rows[0]?.last_seq;
  if (seqText === undefined)
    throw new AppError('NOT_FOUND', 'This clinic is not registered on the server.');
  const lastSeq = Number(seqText);
  const seen = await c.query('SELECT 1 FROM batches WHERE tenant_id = $1 AND batch_id = $2', [
    tenantId,
    input.batchId,
  ]);
  if (seen.rowCount)
    return {
      accepted: 0,
      duplicates: input.changes.length + input.audit.length,
      serverSeq: lastSeq,
    };

  const last = await c.query<{ device_seq: number; hash: string }>(
    'SELECT device_seq, hash FROM audit WHERE device_id = $1 ORDER BY device_seq DESC LIMIT 1',
    [deviceId],
  );
  const lastRow = last.rows[0];
  const lastAudit = lastRow ? { deviceSeq: lastRow.device_seq, hash: lastRow.hash } : null;
  const repeated = input.audit
    .filter((e) => lastAudit && e.deviceSeq <= lastAudit.deviceSeq)
    .map((e) => e.deviceSeq);
  const storedAuditHashes = new Map<number, string>();
  if (repeated.length > 0) {
    const r = await c.query<{ device_seq: number; hash: string }>(
      'SELECT device_seq, hash FROM audit WHERE device_id = $1 AND device_seq = ANY($2::int[])',
      [deviceId, repeated],
    );
    for (const row of r.rows) storedAuditHashes.set(row.device_seq, row.hash);
  }

  // The stored winners of each row the batch touches: one lookup per distinct row.
  const rows = new Map<string, RowCells>();
  if (input.changes.length > 0) {
    const cur = await c.query<{ tbl: string; row_id: string; cells: string }>(
      `SELECT r.tbl, r.row_id, r.cells FROM row_cells r
       JOIN (SELECT DISTINCT * FROM unnest($2::text[], $3::text[])) AS u(tbl, row_id)
         ON r.tenant_id = $1 AND r.tbl = u.tbl COLLATE "C" AND r.row_id = u.row_id COLLATE "C"`,
      [tenantId, input.changes.map((ch) => ch.table), input.changes.map((ch) => ch.rowId)],
    );
    for (const r of cur.rows) rows.set(rowKey(r.tbl, r.row_id), decodeRowCells(r.cells));
  }

  const plan = planPush(input, input.changes, input.audit, {
    lastSeq,
    lastAudit,
    storedAuditHashes,
    rows,
  });
  // Changes left winning no column go, and old batch ids expire, in one statement.
  await c.query(
    `WITH replaced AS (DELETE FROM changes WHERE tenant_id = $1 AND seq = ANY($2::bigint[]))
     DELETE FROM batches WHERE tenant_id = $1 AND received_at < $3`,
    [tenantId, plan.replaced, batchIdHorizon(input.now)],
  );
  // Every write of the push in one statement: the tenant row stays locked until
  // COMMIT, so each round trip saved here is time other workstations of the clinic
  // no longer wait. Empty arrays insert nothing.
  const k = columns(plan.changes);
  await c.query(
    `WITH new_changes AS (
       INSERT INTO changes (tenant_id, seq, tbl, row_id, cols, hlc, value, device_id)
       SELECT $1, u.*, $8 FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u
     ), row_index AS (
       INSERT INTO row_cells (tenant_id, tbl, row_id, cells)
       SELECT $1, u.* FROM unnest($18::text[], $19::text[], $20::text[]) AS u
       ON CONFLICT (tenant_id, tbl, row_id) DO UPDATE SET cells = excluded.cells
     ), new_audit AS (
       INSERT INTO audit (tenant_id, seq, id, device_id, device_seq, hash, entry)
       SELECT $1, u.* FROM unnest($9::bigint[], $10::text[], $11::text[], $12::int[], $13::text[], $14::text[]) AS u
     ), new_batch AS (
       INSERT INTO batches (tenant_id, batch_id, device_id, received_at) VALUES ($1, $15, $8, $16)
     )
     UPDATE tenants SET last_seq = $17 WHERE id = $1`,
    [
      tenantId,
      k.seq,
      k.tbl,
      k.row,
      k.cols,
      k.hlc,
      k.value,
      deviceId,
      plan.audit.map((a) => a.seq),
      plan.audit.map((a) => a.entry.id),
      plan.audit.map((a) => a.entry.deviceId),
      plan.audit.map((a) => a.entry.deviceSeq),
      plan.audit.map((a) => a.entry.hash),
      plan.audit.map((a) => JSON.stringify(a.entry)),
      input.batchId,
      input.now,
      plan.lastSeq,
      plan.rows.map((r) => r.table),
      plan.rows.map((r) => r.rowId),
      plan.rows.map((r) => encodeRowCells(r.cells)),
    ],
  );
  pushFault({
    step: 'batch-written-uncommitted',
    changes: plan.changes.length,
    audit: plan.audit.length,
  });
  return { accepted: plan.accepted, duplicates: plan.duplicates, serverSeq: plan.lastSeq };
}
