// Files attached to a chart: a PDF or an image, at most 10 MB, its type taken
// from its content. The bytes travel as base64 in JSON (both transports carry
// JSON); the browser host admits a larger body for the upload channel only
// (electron/core/host/http-host.ts). Every channel needs clinical content
// access: front desk is refused. Reads and writes are audited.
import { z } from 'zod';
import { channel } from './contract';
import { Id, UtcTimestamp } from '../domain/primitives';
import { base64Chars, DOCUMENT_MAX_BYTES, documentMimeTypes } from '../charting/documents';

/** Base64 text of a file up to the limit (the core checks the decoded size exactly). */
const FileBase64 = z
  .string()
  .max(base64Chars(DOCUMENT_MAX_BYTES), 'The file is larger than the 10 MB limit.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read.');

export const UploadDocumentRequest = z
  .object({
    patientId: Id,
    title: z.string().trim().min(1, 'give the document a title').max(200),
    /** As the user's computer named it; shown, never used to decide the type. */
    fileName: z.string().trim().max(255).default(''),
    dataBase64: FileBase64,
  })
  .strict();

export const DocumentMimeType = z.enum(documentMimeTypes);

/** One attached file as the chart lists it. `complete` is false while chunks are still arriving by sync. */
export const DocumentListItem = z.object({
  documentId: Id,
  recordId: Id,
  title: z.string(),
  fileName: z.string(),
  mimeType: DocumentMimeType,
  sizeBytes: z.number().int(),
  recordedAt: UtcTimestamp,
  authorName: z.string(),
  chunkCount: z.number().int(),
  chunksPresent: z.number().int(),
  complete: z.boolean(),
});
export type DocumentListItem = z.infer<typeof DocumentListItem>;

export const DocumentFile = z.object({
  documentId: Id,
  fileName: z.string(),
  mimeType: DocumentMimeType,
  sizeBytes: z.number().int(),
  dataBase64: z.string(),
});
export type DocumentFile = z.infer<typeof DocumentFile>;

export const attachmentChannels = {
  'attachments.upload': channel(
    'attachments.upload',
    UploadDocumentRequest,
    DocumentListItem,
    'records.write',
  ),
  'attachments.list': channel(
    'attachments.list',
    z.object({ patientId: Id }).strict(),
    z.object({ items: z.array(DocumentListItem) }),
    'records.read_content',
  ),
  'attachments.read': channel(
    'attachments.read',
    z.object({ documentId: Id }).strict(),
    DocumentFile,
    'records.read_content',
  ),
} as const;

/** The largest JSON body of an upload: the base64 text plus the other fields. */
export const UPLOAD_BODY_LIMIT_BYTES = base64Chars(DOCUMENT_MAX_BYTES) + 64 * 1024;
