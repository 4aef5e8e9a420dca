// Builds one snapshot page from up to limit+1 cells fetched in key order, the
// same way for both stores: cut at `limit` cells or at the value budget
// (always at least one cell), and say where the next page starts.
import { SYNC_LIMITS, type Change } from '../../../shared/sync/protocol';
import type { SnapshotPage } from './pages';

export function buildSnapshotPage(
  cursor: number,
  rows: readonly Change[],
  limit: number,
  total: number | undefined,
): SnapshotPage {
  const cells: Change[] = [];
  let valueChars = 0;
  for (const row of rows) {
    if (cells.length >= limit || (cells.length > 0 && valueChars >= SYNC_LIMITS.maxPageValueChars))
      break;
    cells.push(row);
    valueChars += row.value.length;
  }
  const hasMore = rows.length > cells.length;
  const last = cells.at(-1);
  return {
    cursor,
    cells,
    ...(total === undefined ? {} : { total }),
    next: hasMore && last ? { table: last.table, rowId: last.rowId, column: last.column } : null,
    hasMore,
  };
}
