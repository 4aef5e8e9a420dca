// Migration 2: two audit indexes cost a page write on every mutation and
// served nothing the others don't. Audit ids are time-ordered (UUIDv7), so
// the primary key already orders entries by time; and the sync client finds
// unpushed entries from a per-device watermark (deviceSeq) instead of a
// partial index on `pushed`. Measured on the write path: see bench/store.bench.ts.
import type { Migration } from './migration';

export const migration002: Migration = {
  version: 2,
  name: 'lean audit indexes',
  sql: `
DROP INDEX IF EXISTS audit_time;
DROP INDEX IF EXISTS audit_unpushed;
INSERT OR REPLACE INTO local_meta (key, value)
  SELECT 'sync:auditPushedSeq', CAST(coalesce(max(deviceSeq), 0) AS TEXT) FROM audit_logs
  WHERE pushed = 1 AND deviceId = (SELECT value FROM local_meta WHERE key = 'deviceId');
`,
};
