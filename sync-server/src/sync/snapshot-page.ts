// Builds one snapshot page from up to limit+1 stored changes fetched in
// sequence order, the same way for both stores: cut at `limit` changes or at
// the value budget (always at least one change), and say where the next page
// starts (the sequence of the page's last change).
import { SYNC_LIMITS, type Change } from '../../../shared/sync/protocol';
import type { SnapshotPage } from './pages';

export function buildSnapshotPage(
  cursor: number,
  rows: readonly { seq: number; change: Change }[],
  limit: number,
  total: number | undefined,
): SnapshotPage {
  const changes: Change[] = [];
  let valueChars = 0;
  let lastSeq: number | null = null;
  for (const row of rows) {
    if (
      changes.length >= limit ||
      (changes.length > 0 && valueChars >= SYNC_LIMITS.maxPageValueChars)
    )
      break;
    changes.push(row.change);
    lastSeq = row.seq;
    valueChars += row.change.value.length;
  }
  const hasMore = rows.length > changes.length;
  return {
    cursor,
    changes,
    ...(total === undefined ? {} : { total }),
    next: hasMore ? lastSeq : null,
    hasMore,
  };
}
