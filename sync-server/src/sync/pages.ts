// The pages the server answers pulls, snapshots and audit reads with, as the
// pure page builders of this folder produce them and both stores return them.
import type { AuditLog } from '../../../shared/domain/audit-log';
import type { Change, PulledChange } from '../../../shared/sync/protocol';

export interface PullPage {
  changes: PulledChange[];
  audit: AuditLog[];
  nextCursor: number;
  hasMore: boolean;
}

export interface SnapshotPage {
  cursor: number;
  changes: Change[];
  total?: number;
  /** The sequence of the page's last change, to pass as `after`; null on the last page. */
  next: number | null;
  hasMore: boolean;
}

export interface AuditPage {
  audit: AuditLog[];
  nextCursor: number;
  hasMore: boolean;
}
