// Visit-note drafts on this workstation (table record_drafts, migration 006):
// never synced, one per author, patient and appointment. The service seals the
// content before it gets here; this module only stores the sealed value.
import type { WritableDB } from './db-handles';
import { cachedStatement } from './statement-cache';

export interface DraftKey {
  tenantId: string;
  userId: string;
  patientId: string;
  /** The appointment id, or '' for a note outside a visit. */
  appointmentKey: string;
}

export interface StoredDraft {
  id: string;
  ciphertext: string;
  wrappedKey: string;
  savedAt: string;
}

export interface RecordDrafts {
  find(key: DraftKey): StoredDraft | null;
  /** Inserts or replaces the draft of `key` (the id of an existing draft is kept). */
  save(key: DraftKey, draft: StoredDraft): void;
  discard(key: DraftKey): boolean;
}

const WHERE = 'tenantId = ? AND userId = ? AND patientId = ? AND appointmentKey = ?';
const params = (k: DraftKey) => [k.tenantId, k.userId, k.patientId, k.appointmentKey] as const;

export function recordDrafts(db: WritableDB): RecordDrafts {
  return {
    find: (key) =>
      (cachedStatement(
        db,
        `SELECT id, ciphertext, wrappedKey, savedAt FROM record_drafts WHERE ${WHERE}`,
      ).get(...params(key)) as StoredDraft | undefined) ?? null,
    save: (key, d) =>
      void cachedStatement(
        db,
        `INSERT INTO record_drafts (id, tenantId, userId, patientId, appointmentKey, ciphertext, wrappedKey, savedAt)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenantId, userId, patientId, appointmentKey)
         DO UPDATE SET ciphertext = excluded.ciphertext, wrappedKey = excluded.wrappedKey, savedAt = excluded.savedAt`,
      ).run(d.id, ...params(key), d.ciphertext, d.wrappedKey, d.savedAt),
    discard: (key) =>
      cachedStatement(db, `DELETE FROM record_drafts WHERE ${WHERE}`).run(...params(key)).changes >
      0,
  };
}
