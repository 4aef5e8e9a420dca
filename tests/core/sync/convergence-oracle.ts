// The convergence property's oracle: per cell, the accepted write with the
// highest HLC (the template's converged cells included), computed without
// shared/sync/merge.ts so that a broken merge rule cannot also break the
// oracle; and every written cell of a replica, to compare with it.
import { writableDb } from '../../../electron/core/clinic/writable-db';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { encodeValue, type SqlValue } from '../../../electron/core/store/row-codec';
import { entityTables, type EntityTable } from '../../../shared/domain/entities';
import type { Cell, Replica, Template, World } from './convergence-world';
import { effectiveClocks } from './replicas';

const key = (table: string, rowId: string, column: string) =>
  `${table}\u0000${rowId}\u0000${column}`;

/**
 * HLC order, computed here rather than with shared/sync/merge.ts so that a
 * broken merge rule cannot also break the oracle: time, then counter, then device.
 */
export function hlcAfter(a: string, b: string): boolean {
  const parse = (h: string) => {
    const [millis = '', counter = '', ...device] = h.split('-');
    return { millis: Number(millis), counter: parseInt(counter, 16), device: device.join('-') };
  };
  const x = parse(a);
  const y = parse(b);
  if (x.millis !== y.millis) return x.millis > y.millis;
  if (x.counter !== y.counter) return x.counter > y.counter;
  return x.device > y.device;
}

/** Every written cell of a replica: its value as stored and the HLC that wrote it. */
export function cellsOf(store: ClinicStore): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const table of entityTables) {
    const rows = writableDb(store).prepare(`SELECT * FROM ${table}`).all() as Record<
      string,
      SqlValue
    >[];
    for (const row of rows) {
      const rowId = String(row['id']);
      for (const [column, hlc] of Object.entries(effectiveClocks(row, table)))
        if (hlc !== '0') out.set(key(table, rowId, column), { hlc, value: row[column] ?? null });
    }
  }
  return out;
}

/** The writes a replica committed during the run (its capture table). */
function acceptedWrites(
  r: Replica,
): { table: EntityTable; rowId: string; hlc: string; columns: Record<string, unknown> }[] {
  return (
    writableDb(r.store)
      .prepare('SELECT tbl, rowId, hlc, columns FROM temp.accepted_writes ORDER BY n')
      .all() as {
      tbl: EntityTable;
      rowId: string;
      hlc: string;
      columns: string;
    }[]
  ).map((w) => ({
    table: w.tbl,
    rowId: w.rowId,
    hlc: w.hlc,
    columns: JSON.parse(w.columns) as Record<string, unknown>,
  }));
}

/** Per cell, the accepted write with the highest HLC (the template's cells included). */
export function oracle(t: Template, world: World): Map<string, Cell> {
  const expected = new Map(t.baseline);
  for (const r of world.replicas)
    for (const w of acceptedWrites(r))
      for (const [column, value] of Object.entries(w.columns)) {
        const k = key(w.table, w.rowId, column);
        const held = expected.get(k);
        if (!held || hlcAfter(w.hlc, held.hlc))
          expected.set(k, { hlc: w.hlc, value: encodeValue(w.table, column, value) });
      }
  return expected;
}
