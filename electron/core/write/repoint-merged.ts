// Rows that point at a merged (retired) patient are re-pointed to the patient
// that survived, on every workstation, as a pure function of the merged data:
// for each row, stored patientId = resolve(the pointer it carries on the wire),
// where resolve follows `patients.mergedInto` to the end of the chain. The
// wire pointer of a re-pointed row is kept in `patient_repoints` (with the
// cell's clock, so a later write of that cell supersedes it), which lets a
// change of the merge graph (a second merge, a concurrent merge of the same
// record into another one) re-derive from it. No outbox, no clocks changed:
// every replica derives the same values from the same synced state, so all of
// them end identical whatever the order in which rows and merges arrive.
// Run after a merge and after every applied page that touched patient pointers.
import type { WritableDB } from '../store/db-handles';
import { cachedStatement } from '../store/statement-cache';

/** The synced tables whose rows belong to a patient. */
export const PATIENT_OWNED_TABLES = [
  'appointments',
  'medical_records',
  'messages',
  'billing',
  'conversations',
] as const;

const CELL_CLOCK = "coalesce(json_extract(_clocks, '$.patientId'), _hlc)";

/**
 * Where a pointer to `id` ends: the first patient on the chain not merged
 * (or not here yet). A cycle (two records merged into each other on two
 * workstations at once) ends at its smallest id, the same choice everywhere.
 */
export function resolverFor(merged: ReadonlyMap<string, string>): (id: string) => string {
  return (id) => {
    const seen: string[] = [];
    let at = id;
    for (;;) {
      const next = merged.get(at);
      if (next === undefined) return at;
      seen.push(at);
      if (seen.includes(next)) {
        const cycle = seen.slice(seen.indexOf(next));
        return cycle.reduce((a, b) => (b < a ? b : a));
      }
      at = next;
    }
  };
}

export function mergedPatients(db: WritableDB, tenantId: string): Map<string, string> {
  const rows = cachedStatement(
    db,
    'SELECT id, mergedInto FROM patients WHERE tenantId = ? AND mergedInto IS NOT NULL',
  ).all(tenantId) as { id: string; mergedInto: string }[];
  return new Map(rows.map((r) => [r.id, r.mergedInto]));
}

/** Re-derives every patient pointer that the merge graph redirects; returns how many rows moved. */
export function repointMergedPatients(db: WritableDB, tenantId: string): number {
  const merged = mergedPatients(db, tenantId);
  const resolve = resolverFor(merged);
  let moved = 0;
  const entries = cachedStatement(
    db,
    'SELECT tbl, rowId, wirePatientId, clock FROM patient_repoints',
  ).all() as { tbl: string; rowId: string; wirePatientId: string; clock: string }[];
  const forget = cachedStatement(db, 'DELETE FROM patient_repoints WHERE tbl = ? AND rowId = ?');
  const remember = cachedStatement(
    db,
    'INSERT OR REPLACE INTO patient_repoints (tbl, rowId, wirePatientId, clock) VALUES (?, ?, ?, ?)',
  );
  // Rows re-pointed before: still carrying the same wire pointer (same cell
  // clock)? Then derive again from it; otherwise a newer write took over.
  for (const e of entries) {
    const table = PATIENT_OWNED_TABLES.find((t) => t === e.tbl);
    if (!table) continue;
    const row = cachedStatement(
      db,
      `SELECT patientId, ${CELL_CLOCK} AS clock FROM ${table} WHERE id = ?`,
    ).get(e.rowId) as { patientId: string | null; clock: string } | undefined;
    if (!row || row.clock !== e.clock) {
      forget.run(e.tbl, e.rowId);
      continue;
    }
    const target = resolve(e.wirePatientId);
    if (target !== row.patientId) {
      cachedStatement(db, `UPDATE ${table} SET patientId = ? WHERE id = ?`).run(target, e.rowId);
      moved++;
    }
    if (target === e.wirePatientId) forget.run(e.tbl, e.rowId);
  }
  // Rows whose own pointer names a merged patient.
  for (const retired of merged.keys()) {
    const target = resolve(retired);
    if (target === retired) continue;
    for (const table of PATIENT_OWNED_TABLES) {
      const rows = cachedStatement(
        db,
        `SELECT id, ${CELL_CLOCK} AS clock FROM ${table} WHERE tenantId = ? AND patientId = ?`,
      ).all(tenantId, retired) as { id: string; clock: string }[];
      for (const r of rows) {
        remember.run(table, r.id, retired, r.clock);
        cachedStatement(db, `UPDATE ${table} SET patientId = ? WHERE id = ?`).run(target, r.id);
        moved++;
      }
    }
    // This workstation's unsaved visit notes follow too (local only, never synced).
    cachedStatement(
      db,
      'UPDATE OR IGNORE record_drafts SET patientId = ? WHERE tenantId = ? AND patientId = ?',
    ).run(target, tenantId, retired);
  }
  return moved;
}
