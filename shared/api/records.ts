// The contract of clinical records (charting). Record content is JSON data
// whose shape depends on the record type; it is encrypted per record in the
// core and never leaves it for roles without records.read_content.
import { z } from 'zod';
import { RecordType } from '../domain/enums';
import { Id, UtcTimestamp } from '../domain/primitives';

/** Any JSON value: the clinical content of one record. */
export const RecordContent = z.json();
export type RecordContent = z.infer<typeof RecordContent>;

export const NewRecordRequest = z
  .object({
    patientId: Id,
    recordType: RecordType,
    content: RecordContent,
    recordedAt: UtcTimestamp.optional(),
    amendsRecordId: Id.nullable().optional(),
  })
  .strict();
