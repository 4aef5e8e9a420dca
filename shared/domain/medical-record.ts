import { z } from 'zod';
import { Id, UtcTimestamp, rowBase } from './primitives';
import { RecordType } from './enums';

/**
 * A clinical record. Its content is never stored in clear: `encryptedData` is
 * AES-256-GCM ciphertext under a per-record data key, and `encryptionKey` is
 * that data key wrapped by the clinic key (with the wrapping key's id), never
 * a usable key. Signed records are immutable; corrections are amendments
 * (new records pointing at the one they amend), so concurrent edits never
 * overwrite clinical text.
 */
export const MedicalRecord = z.object({
  ...rowBase,
  patientId: Id,
  /** The doctor who authored it. */
  doctorId: Id,
  recordType: RecordType,
  encryptedData: z.string().min(1),
  encryptionKey: z.string().min(1),
  recordedAt: UtcTimestamp,
  signedAt: UtcTimestamp.nullable(),
  signedBy: Id.nullable(),
  /**
   * Written once, with the signature (same mutation): a keyed SHA-256 of the
   * canonical content signed, `v1.<clinic key id>.<hex>`; null when unsigned
   * or signed before hashes existed (migration 12).
   */
  signedContentHash: z
    .string()
    .regex(/^v1\.[^.]+\.[0-9a-f]{64}$/)
    .nullable(),
  amendsRecordId: Id.nullable(),
});
export type MedicalRecord = z.infer<typeof MedicalRecord>;
