// Migration 12: signature content hashes, and the ICD-10 code reference.
//
// - medical_records.signedContentHash: a keyed SHA-256 (HMAC-SHA256 under a
//   key derived from the clinic key; electron/core/crypto/content-hash.ts) of
//   the canonical content of a record, written in the same mutation that
//   signs it (signedAt, signedBy and the hash share one HLC) and never again.
//   Merge: content is insert-only (migration 5), so two workstations that sign
//   the same record concurrently compute the same hash over the same content;
//   whichever signature wins by per-column LWW, the hash is the same value.
//   It is keyed rather than a bare SHA-256 because it is synced in clear and
//   short clinical content (a code, a blood pressure) would otherwise be
//   recoverable from its hash by trying every value. Records signed before
//   this migration have none (the migration cannot decrypt to compute it);
//   `ehrbs verify` counts them as "signed before content hashes".
//
// - icd10_codes: reference data, not clinical and not synced. Every
//   workstation ships the same starter list and can load the official order
//   file itself (`ehrbs codes import`); a code table is the same everywhere it
//   is imported from the same file, so there is nothing to merge, and syncing
//   70,000 rows of public data per clinic would only slow the first sync.
//   icd10_fts is an FTS5 index (external content) over code and description,
//   so a search as you type is a prefix query rather than a scan.
import type { Migration } from './migration';

export const migration012: Migration = {
  version: 12,
  name: 'signature content hash and ICD-10 codes',
  sql: `
ALTER TABLE medical_records ADD COLUMN signedContentHash TEXT;
CREATE TABLE icd10_codes (
  code TEXT PRIMARY KEY NOT NULL,
  description TEXT NOT NULL,
  billable INTEGER NOT NULL DEFAULT 1,
  source TEXT NOT NULL
) STRICT;
CREATE VIRTUAL TABLE icd10_fts USING fts5(
  code, description, content='icd10_codes', content_rowid='rowid', prefix='1 2 3',
  tokenize = "unicode61 remove_diacritics 2 tokenchars '.'"
);
CREATE TRIGGER icd10_codes_ai AFTER INSERT ON icd10_codes BEGIN
  INSERT INTO icd10_fts(rowid, code, description) VALUES (new.rowid, new.code, new.description);
END;
CREATE TRIGGER icd10_codes_ad AFTER DELETE ON icd10_codes BEGIN
  INSERT INTO icd10_fts(icd10_fts, rowid, code, description) VALUES ('delete', old.rowid, old.code, old.description);
END;
CREATE TRIGGER icd10_codes_au AFTER UPDATE ON icd10_codes BEGIN
  INSERT INTO icd10_fts(icd10_fts, rowid, code, description) VALUES ('delete', old.rowid, old.code, old.description);
  INSERT INTO icd10_fts(rowid, code, description) VALUES (new.rowid, new.code, new.description);
END;
`,
};
