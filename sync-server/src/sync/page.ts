// Builds one pull page from the rows both stores fetch the same way: up to
// limit+1 changes and limit+1 audit entries after the cursor, each in
// server-sequence order. Changes and audit entries share the tenant's
// sequence, so the page is their merge, cut at `limit` items or at the value
// budget, whichever comes first (always at least one item).
import type { AuditLog } from '../../../shared/domain/audit-log';
import { SYNC_LIMITS, type PulledChange } from '../../../shared/sync/protocol';
import type { PullPage } from './pages';

export interface SequencedAudit {
  seq: number;
  entry: AuditLog;
}

export function buildPullPage(
  after: number,
  limit: number,
  changes: readonly PulledChange[],
  audit: readonly SequencedAudit[],
  /** The tenant's last sequence, read in the same snapshot: a page that holds everything left ends there (items filtered out, e.g. the puller's own, are passed over). */
  lastSeq = after,
): PullPage {
  const page: PullPage = { changes: [], audit: [], nextCursor: after, hasMore: false };
  let ci = 0;
  let ai = 0;
  let valueChars = 0;
  let taken = 0;
  while (ci < changes.length || ai < audit.length) {
    const change = changes[ci];
    const entry = audit[ai];
    const full = taken >= limit || (taken > 0 && valueChars >= SYNC_LIMITS.maxPageValueChars);
    if (full) {
      page.hasMore = true;
      break;
    }
    if (change && (!entry || change.serverSeq < entry.seq)) {
      page.changes.push(change);
      page.nextCursor = change.serverSeq;
      valueChars += change.value.length;
      ci++;
    } else if (entry) {
      page.audit.push(entry.entry);
      page.nextCursor = entry.seq;
      ai++;
    }
    taken++;
  }
  if (!page.hasMore) page.nextCursor = Math.max(page.nextCursor, lastSeq);
  return page;
}
