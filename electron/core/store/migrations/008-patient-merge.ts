// Migration 8: duplicate patients and merging them.
// - patients.mergedInto: a retired (merged) patient's pointer to the record
//   that survived. Written once, in the same mutation that tombstones the
//   row (deletedAt), so the two never arrive apart.
// - Lookups for the duplicate check: patients by date of birth, and by the
//   digits of their phone number (an expression index: the digits are never
//   stored a second time). The expression must stay identical to
//   PHONE_DIGITS_SQL in electron/core/services/patient-duplicates.ts, or
//   SQLite will not use the index.
// - messages by patient, so a merge (and re-pointing on sync) finds a
//   patient's messages without reading them all.
// - patient_repoints: this workstation's record of rows that arrived by sync
//   pointing at a patient already merged, and were re-pointed to the
//   survivor. Never synced: every workstation derives the same re-pointing
//   from the same merged data (electron/core/sync/repoint-merged.ts).
//
// Merge decisions (sync):
// - The merge itself is ordinary per-column last-writer-wins edits: rows
//   moved to the survivor, the survivor's chosen values, the retired row's
//   mergedInto + deletedAt (one HLC).
// - A row created or moved offline that still points at the retired patient
//   is re-pointed to the survivor when it is applied (and whenever a merge
//   arrives after it), following mergedInto to the end of the chain. The
//   row's pointer as it came over the wire is kept in patient_repoints, so a
//   later change of the merge graph re-derives from it: every replica ends
//   with the same pointer whatever the order of arrival.
// - Edits to the retired patient's own fields after the merge are kept on the
//   retired row (last-writer-wins as usual) and listed for the admin next to
//   the survivor ("changed after the merge"), derived the same way everywhere.
import type { Migration } from './migration';

export const migration008: Migration = {
  version: 8,
  name: 'patient merge',
  sql: `
ALTER TABLE patients ADD COLUMN mergedInto TEXT REFERENCES patients(id);
CREATE INDEX patients_merged ON patients(tenantId, mergedInto) WHERE mergedInto IS NOT NULL;
CREATE INDEX patients_birth ON patients(tenantId, dateOfBirth);
CREATE INDEX patients_phone_digits ON patients(tenantId,
  replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''));
CREATE INDEX messages_patient ON messages(tenantId, patientId);
CREATE TABLE patient_repoints (
  tbl TEXT NOT NULL,
  rowId TEXT NOT NULL,
  wirePatientId TEXT NOT NULL,
  clock TEXT NOT NULL,
  PRIMARY KEY (tbl, rowId)
) STRICT;
`,
};
