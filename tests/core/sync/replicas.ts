// Helpers for sync tests: compare replicas table by table.
import { entityTables } from '../../../shared/domain/entities';
import { entityColumns } from '../../../electron/core/store/row-codec';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { writableDb } from '../../../electron/core/clinic/writable-db';

/** Every entity row (all columns, clocks excluded) of a replica, by table. */
export function replicaContent(store: ClinicStore): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of entityTables) {
    const cols = entityColumns(table)
      .map((c) => `"${c}"`)
      .join(', ');
    out[table] = writableDb(store).prepare(`SELECT ${cols} FROM ${table} ORDER BY id`).all();
  }
  return out;
}

export const auditIds = (store: ClinicStore): string[] =>
  (
    writableDb(store).prepare('SELECT id FROM audit_logs ORDER BY id').all() as { id: string }[]
  ).map((r) => r.id);
