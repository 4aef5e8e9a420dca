// Migration 13: files attached to a chart (issue 9, documents).
// - documents: one row per attached file, pointing at the `document` medical
//   record that describes it (title, file name, SHA-256, encrypted). Type,
//   size and chunk count are in clear so the chart can say "still
//   downloading" without decrypting anything.
// - document_chunks: the file's bytes in pieces of at most 512 KiB, each
//   encrypted per value (crypto/field-crypto.ts, table 'document_chunks'), so
//   each fits one synced cell (SYNC_LIMITS.maxValueChars).
// Merge decisions (sync): both tables are insert-only. Nothing ever updates a
// row after the mutation that created it, so per-column LWW never has two
// values to choose from and the merge is the union of rows. Completeness is
// derived (count of chunks present = chunkCount), never stored.
import type { Migration } from './migration';

const entity = (name: string, columns: string) => `
CREATE TABLE ${name} (
  id TEXT PRIMARY KEY NOT NULL,
  tenantId TEXT NOT NULL REFERENCES tenants(id),
  createdAt TEXT,
  updatedAt TEXT,
  deletedAt TEXT,
  ${columns},
  _hlc TEXT NOT NULL,
  _clocks TEXT NOT NULL DEFAULT '{}'
) STRICT;`;

export const migration013: Migration = {
  version: 13,
  name: 'chart documents',
  sql: `
${entity('documents', 'patientId TEXT, recordId TEXT, mimeType TEXT, sizeBytes INTEGER, chunkCount INTEGER')}
CREATE INDEX documents_patient ON documents(tenantId, patientId);
CREATE INDEX documents_record ON documents(tenantId, recordId);
${entity('document_chunks', 'documentId TEXT, chunkIndex INTEGER, encryptedData TEXT, encryptionKey TEXT')}
CREATE INDEX document_chunks_document ON document_chunks(tenantId, documentId, chunkIndex);
`,
};
