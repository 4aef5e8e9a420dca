// Migration 5 (charting): `record_drafts`, the visit notes a doctor is still
// typing on this workstation. Never synced (no _hlc/_clocks, not an entity):
// a draft is the author's scratch pad, saved every few seconds, and becomes a
// medical record (synced) only when the doctor saves it as a note. Its content
// is encrypted per value like record content (field-crypto, table
// 'record_drafts'). One draft per author, patient and appointment.
//
// Merge decisions for charting on the synced `medical_records` table (no new
// synced columns):
// - Content (`encryptedData`/`encryptionKey`) is written once, when the row is
//   created, and never updated: there is no edit path for a stored record
//   (edits happen in the local draft before it is saved). So a signature can
//   never be merged with a concurrent content edit: there is none.
// - `signedAt`/`signedBy` are written together in one mutation (one HLC), only
//   from null to a value, by the record's author; concurrent signatures on two
//   workstations merge by per-column LWW into one of the two (both say
//   "signed"), and nothing ever writes them back to null.
// - Amendments are new rows (insert-only) pointing at the original by
//   `amendsRecordId`: concurrent amendments are all kept. The "amended" state
//   is derived from their existence, never stored.
//
import type { Migration } from './migration';

export const migration005: Migration = {
  version: 5,
  name: 'charting drafts',
  sql: `
CREATE TABLE record_drafts (
  id TEXT PRIMARY KEY NOT NULL,
  tenantId TEXT NOT NULL,
  userId TEXT NOT NULL,
  patientId TEXT NOT NULL,
  appointmentKey TEXT NOT NULL,
  ciphertext TEXT NOT NULL,
  wrappedKey TEXT NOT NULL,
  savedAt TEXT NOT NULL,
  UNIQUE (tenantId, userId, patientId, appointmentKey)
) STRICT;
`,
};
