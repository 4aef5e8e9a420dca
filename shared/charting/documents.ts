// Documents attached to a chart (a PDF or an image): the limits, the content
// check by magic bytes (never by file name), and how a file is cut into
// chunks that each fit one synced cell (shared/sync/protocol.ts).

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * One chunk's plaintext. A chunk is stored as field-crypto ciphertext
 * (`v1.` + base64 of iv|tag|bytes: about 4/3 of the bytes) and synced as a
 * cell value encrypted again and base64'd (about 4/3 of that, plus its JSON
 * quotes): 512 KiB becomes about 0.93 M characters, well under
 * SYNC_LIMITS.maxValueChars (2 Mi; sealed with its row's few other columns), and a page of 8 of them stays under the
 * body limit.
 */
export const DOCUMENT_CHUNK_BYTES = 512 * 1024;

export const documentMimeTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentMimeType = (typeof documentMimeTypes)[number];

/** Characters of base64 text for `bytes` bytes. */
export const base64Chars = (bytes: number): number => 4 * Math.ceil(bytes / 3);

/** The largest synced value one chunk can become (see DOCUMENT_CHUNK_BYTES; a test holds it under the limit). */
export const maxChunkCellChars = (): number => {
  const FIELD_OVERHEAD = 12 + 16; // iv + tag
  const stored = 'v1.'.length + base64Chars(DOCUMENT_CHUNK_BYTES + FIELD_OVERHEAD);
  const CELL_PREFIX = 'v1.'.length + 64 + 1; // version, clinic key id, dot
  return CELL_PREFIX + base64Chars(stored + 2 + FIELD_OVERHEAD);
};

export const chunkCountFor = (sizeBytes: number): number =>
  Math.ceil(sizeBytes / DOCUMENT_CHUNK_BYTES);

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * The type of a file from its first bytes: `%PDF-`, the PNG signature, or a
 * JPEG start-of-image marker. Anything else is refused, whatever its name.
 */
export function sniffDocumentType(bytes: Uint8Array): DocumentMimeType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

export const documentTypeLabels: Record<DocumentMimeType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
};

/** "3.1 MB", "820 KB": for the chart and the messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.ceil(n / 1024)} KB`;
  return `${n} bytes`;
}
