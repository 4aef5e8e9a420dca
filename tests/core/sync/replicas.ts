// Helpers for sync tests: compare replicas table by table, clocks included.
//
// Two replicas are identical when every entity row has the same values AND the
// same per-cell clocks, and their audit logs hold the same rows in full. Values
// alone are not enough: replicas that agree on values but not on the clock of
// a cell decide the next concurrent write to that cell differently, and diverge.
import { entityTables, type EntityTable } from '../../../shared/domain/entities';
import { entityColumns, type SqlValue } from '../../../electron/core/store/row-codec';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { writableDb } from '../../../electron/core/clinic/writable-db';

/**
 * The HLC that wrote each column of a row: its entry in `_clocks`, else the
 * row's `_hlc` (a local create stamps every column with `_hlc`; a row that
 * arrived by sync has `_hlc` '0' and every column in `_clocks`). '0' means no
 * write reached that column. The raw `_hlc`/`_clocks` differ between the
 * replica that created a row and the others by design; these clocks must not.
 */
export function effectiveClocks(
  row: Record<string, SqlValue>,
  table?: EntityTable,
): Record<string, string> {
  const clocks = JSON.parse(String(row['_clocks'] ?? '{}')) as Record<string, string>;
  const base = String(row['_hlc'] ?? '0');
  const columns = table ? entityColumns(table) : Object.keys(row).filter((c) => !c.startsWith('_'));
  return Object.fromEntries(columns.filter((c) => c !== 'id').map((c) => [c, clocks[c] ?? base]));
}

/** Every entity row of a replica, by table: all columns, and each cell's clock under `_cellClocks`. */
export function replicaContent(store: ClinicStore): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of entityTables) {
    const cols = entityColumns(table)
      .map((c) => `"${c}"`)
      .join(', ');
    const rows = writableDb(store)
      .prepare(`SELECT ${cols}, _hlc, _clocks FROM ${table} ORDER BY id`)
      .all() as Record<string, SqlValue>[];
    out[table] = rows.map((row) => {
      const { _hlc, _clocks, ...values } = row;
      return { ...values, _cellClocks: effectiveClocks(row, table) };
    });
  }
  return out;
}

/**
 * Every audit entry of a replica, every column but `pushed` (this replica's own
 * bookkeeping: set on entries it pulled; its own are covered by its push
 * watermark instead), in id order.
 */
export const auditRows = (store: ClinicStore): unknown[] =>
  (
    writableDb(store).prepare('SELECT * FROM audit_logs ORDER BY id').all() as Record<
      string,
      unknown
    >[]
  ).map(({ pushed: _pushed, ...entry }) => entry);

/** What must be equal on two replicas that have seen the same changes. */
export const replicaState = (store: ClinicStore) => ({
  content: replicaContent(store),
  audit: auditRows(store),
});
