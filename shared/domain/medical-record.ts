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
  amendsRecordId: Id.nullable(),
});
export type MedicalRecord = z.infer<typeof MedicalRecord>;
