// Migration 10: sensitive patients ("break the glass").
// - patients.sensitivity: 'none' | 'staff' | 'vip' | 'protected'. A synced
//   column like the other patient fields: set on one workstation (offline
//   too), it reaches the others by sync.
// - Existing patients get 'none', declared as a backfill so a workstation that
//   joins later receives the value rather than an empty column.
//
// Merge decision (sync): per-column last-writer-wins by HLC, like every other
// patient column. Setting the flag is one mutation of this one column, so a
// concurrent edit of the patient's details on another workstation never
// undoes it (different columns), and two concurrent changes of the flag end
// with the later one on every replica. Nothing is derived from it that is
// stored: who opened the patient with a reason lives in the audit log
// (action 'break_glass'), and the per-session grant is never stored.
// - audit_break_glass: the admin's list of those accesses, newest first, from
//   a partial index (rare entries; nothing added to other audit writes).
import type { Migration } from './migration';

export const migration010: Migration = {
  version: 10,
  name: 'patient sensitivity',
  sql: `
ALTER TABLE patients ADD COLUMN sensitivity TEXT;
UPDATE patients SET sensitivity = 'none';
CREATE INDEX audit_break_glass ON audit_logs(tenantId, id) WHERE action = 'break_glass';
`,
  backfills: [{ table: 'patients', columns: ['sensitivity'] }],
};
