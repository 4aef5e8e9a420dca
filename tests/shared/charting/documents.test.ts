import { describe, expect, it } from 'vitest';
import {
  chunkCountFor,
  DOCUMENT_CHUNK_BYTES,
  DOCUMENT_MAX_BYTES,
  formatBytes,
  maxChunkCellChars,
  sniffDocumentType,
} from '../../../shared/charting/documents';
import { SYNC_LIMITS } from '../../../shared/sync/protocol';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('document content type and chunks', () => {
  it('recognises PDF, PNG and JPEG by their first bytes only', () => {
    expect(sniffDocumentType(new TextEncoder().encode('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
      'image/png',
    );
    expect(sniffDocumentType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg');
  });

  it('refuses anything else, including a PDF signature that is not at the start', () => {
    expect(sniffDocumentType(new TextEncoder().encode(' %PDF-1.7'))).toBeNull();
    expect(sniffDocumentType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffDocumentType(bytes(0x89, 0x50, 0x4e))).toBeNull();
    expect(sniffDocumentType(bytes())).toBeNull();
  });

  it('cuts a 10 MB file into chunks that each fit one synced value', () => {
    expect(maxChunkCellChars()).toBeLessThanOrEqual(SYNC_LIMITS.maxValueChars);
    expect(chunkCountFor(DOCUMENT_MAX_BYTES)).toBe(20);
    expect(chunkCountFor(1)).toBe(1);
    expect(chunkCountFor(DOCUMENT_CHUNK_BYTES + 1)).toBe(2);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});
