// One page of audit history (POST /v1/audit) from up to limit+1 rows fetched
// in sequence order, the same way for both stores.
import type { AuditLog } from '../../../shared/domain/audit-log';
import type { AuditPage } from './pages';

export function buildAuditPage(
  after: number,
  limit: number,
  rows: readonly { seq: number | string; entry: string }[],
): AuditPage {
  const taken = rows.slice(0, limit);
  const last = taken.at(-1);
  return {
    audit: taken.map((r) => JSON.parse(r.entry) as AuditLog),
    nextCursor: last ? Number(last.seq) : after,
    hasMore: rows.length > limit,
  };
}
