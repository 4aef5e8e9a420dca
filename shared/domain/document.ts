import { z } from 'zod';
import { Id, rowBase } from './primitives';

/**
 * A file attached to a chart, described by the `document` medical record
 * `recordId` (whose encrypted content holds the title, file name and SHA-256).
 * Only what the chart needs before anything is decrypted is in clear: the
 * type, the size and how many chunks make it whole. Insert-only.
 */
export const ChartDocument = z.object({
  ...rowBase,
  patientId: Id,
  recordId: Id,
  mimeType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  sizeBytes: z.number().int().positive(),
  chunkCount: z.number().int().positive(),
});
export type ChartDocument = z.infer<typeof ChartDocument>;

/**
 * One piece of a document's bytes, encrypted per value like record content
 * (`encryptedData` under its own data key, wrapped by the clinic key in
 * `encryptionKey`). Insert-only: a chunk is written once and never edited, so
 * merging is the union of rows; the document is complete when all its chunks
 * are present.
 */
export const DocumentChunk = z.object({
  ...rowBase,
  documentId: Id,
  chunkIndex: z.number().int().nonnegative(),
  encryptedData: z.string().min(1),
  encryptionKey: z.string().min(1),
});
export type DocumentChunk = z.infer<typeof DocumentChunk>;
