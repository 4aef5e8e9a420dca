// Migration 11: "not the same person" for a likely duplicate pair.
// - duplicate_dismissals: one row per dismissal (patientA < patientB), synced
//   like every entity. The admin's list of likely pairs leaves out a pair
//   while any live row names it.
//
// Merge decision (sync): rows are created with their own ids and never edited;
// undoing a dismissal tombstones (deletedAt) the rows the undoing workstation
// holds. So two workstations dismissing the same pair offline keep two rows
// (the pair stays dismissed), and a dismissal made offline while another
// workstation undid an earlier one survives the undo: "not the same person"
// wins over an undo that had not seen it. Nothing derived is stored.
import type { Migration } from './migration';

export const migration011: Migration = {
  version: 11,
  name: 'duplicate dismissals',
  sql: `
CREATE TABLE duplicate_dismissals (
  id TEXT PRIMARY KEY NOT NULL,
  tenantId TEXT NOT NULL REFERENCES tenants(id),
  createdAt TEXT,
  updatedAt TEXT,
  deletedAt TEXT,
  patientA TEXT REFERENCES patients(id),
  patientB TEXT REFERENCES patients(id),
  _hlc TEXT NOT NULL,
  _clocks TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX duplicate_dismissals_pair ON duplicate_dismissals(tenantId, patientA, patientB)
  WHERE deletedAt IS NULL;
`,
};
