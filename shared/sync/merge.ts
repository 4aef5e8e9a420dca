// The one merge rule, run by every replica (each workstation and the server):
// per-cell last-writer-wins by HLC. HLC text sorts in the clock's total order
// with the writing device as the last part, so a plain string comparison also
// breaks ties by device id. The rule is a max over a total order, which makes
// it idempotent, commutative and associative: replicas that have seen the same
// set of changes hold the same values, whatever the order or duplication of
// delivery. Deletes are ordinary changes of the `deletedAt` column (tombstones).

/** Code-unit order, the same as SQLite's BINARY collation and PostgreSQL's "C". */
const textCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether an incoming change wins over the cell's current value (null: the cell is empty). */
export const shouldApply = (currentHlc: string | null, incomingHlc: string): boolean =>
  currentHlc === null || textCompare(incomingHlc, currentHlc) > 0;

export interface CellAddress {
  readonly table: string;
  readonly rowId: string;
  readonly column: string;
}

export interface CellChange extends CellAddress {
  readonly hlc: string;
  readonly value: string;
}

export interface CellValue {
  readonly hlc: string;
  readonly value: string;
}

/** A map key for a cell. NUL cannot occur in table, row or column names. */
export const cellKey = (c: CellAddress): string => `${c.table}\u0000${c.rowId}\u0000${c.column}`;

/**
 * Folds changes into `cells` (mutated in place) and returns the changes that
 * won, in input order. A change that loses, or repeats the current HLC, is
 * left out, so re-applying a batch returns nothing.
 */
export function mergeChanges<C extends CellChange>(
  cells: Map<string, CellValue>,
  changes: Iterable<C>,
): C[] {
  const applied: C[] = [];
  for (const change of changes) {
    const key = cellKey(change);
    const current = cells.get(key);
    if (shouldApply(current?.hlc ?? null, change.hlc)) {
      cells.set(key, { hlc: change.hlc, value: change.value });
      applied.push(change);
    }
  }
  return applied;
}

/** The winners of a set of changes, one per cell (the last winner if a cell changed twice). */
export function latestPerCell<C extends CellChange>(changes: Iterable<C>): Map<string, C> {
  const out = new Map<string, C>();
  for (const change of changes) {
    const key = cellKey(change);
    const current = out.get(key);
    if (shouldApply(current?.hlc ?? null, change.hlc)) out.set(key, change);
  }
  return out;
}
