// Splits an outbox into push batches that fit the server's limits, so the
// client never meets PAYLOAD_TOO_LARGE. Order is kept: audit entries must
// reach the server in chain order, and batches are pushed one after another.
import type { AuditLog } from '../domain/audit-log';
import { SYNC_LIMITS, type Change } from './protocol';

export interface BatchContent {
  changes: Change[];
  audit: AuditLog[];
}

export interface BatchLimits {
  maxBodyBytes: number;
  maxChangesPerBatch: number;
  maxAuditPerBatch: number;
}

/** Room kept for the envelope (versions, batch id, sentAt, brackets). */
const ENVELOPE_BYTES = 1024;

/** UTF-8 length of a string, without TextEncoder (shared/ has no DOM or Node types). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const jsonBytes = (item: unknown): number => utf8Length(JSON.stringify(item)) + 1; // + comma

/**
 * Batches under `limits` (the protocol's by default). A single item larger than
 * the body limit cannot be sent at all; the schema's maxValueChars keeps every
 * valid change well under it.
 */
export function splitIntoBatches(
  changes: readonly Change[],
  audit: readonly AuditLog[],
  limits: BatchLimits = SYNC_LIMITS,
): BatchContent[] {
  const batches: BatchContent[] = [];
  let current: BatchContent = { changes: [], audit: [] };
  let bytes = ENVELOPE_BYTES;
  const flush = () => {
    if (current.changes.length + current.audit.length > 0) batches.push(current);
    current = { changes: [], audit: [] };
    bytes = ENVELOPE_BYTES;
  };
  for (const change of changes) {
    const size = jsonBytes(change);
    if (current.changes.length >= limits.maxChangesPerBatch || bytes + size > limits.maxBodyBytes) {
      flush();
    }
    current.changes.push(change);
    bytes += size;
  }
  for (const entry of audit) {
    const size = jsonBytes(entry);
    if (current.audit.length >= limits.maxAuditPerBatch || bytes + size > limits.maxBodyBytes) {
      flush();
    }
    current.audit.push(entry);
    bytes += size;
  }
  flush();
  return batches;
}
