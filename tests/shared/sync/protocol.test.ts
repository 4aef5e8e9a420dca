// The wire messages: what a client may send, how its outbox is split to fit
// the server's limits, and the enrollment code people copy between machines.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { splitIntoBatches, utf8Length } from '../../../shared/sync/batching';
import {
  formatEnrollmentCode,
  normalizeFingerprint,
  parseEnrollmentCode,
} from '../../../shared/sync/enrollment';
import { formatHlc } from '../../../shared/sync/hlc';
import {
  PROTOCOL_VERSION,
  PushRequest,
  SCHEMA_VERSION,
  SYNC_LIMITS,
  type Change,
} from '../../../shared/sync/protocol';

const deviceId = randomUUID();
const change = (value = 'ciphertext'): Change => ({
  table: 'patients',
  rowId: randomUUID(),
  columns: ['firstName', 'familyName'],
  hlc: formatHlc({ millis: Date.now(), counter: 0, deviceId }),
  value,
});

describe('PushRequest', () => {
  const base = {
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    batchId: randomUUID(),
    sentAt: Date.now(),
    audit: [],
  };

  it('accepts a batch of sealed row changes', () => {
    expect(PushRequest.safeParse({ ...base, changes: [change()] }).success).toBe(true);
  });

  it('refuses a change with no column, a column named twice, or a bad column name', () => {
    for (const columns of [[], ['firstName', 'firstName'], ['first name'], ['a,b']])
      expect(
        PushRequest.safeParse({ ...base, changes: [{ ...change(), columns }] }).success,
        JSON.stringify(columns),
      ).toBe(false);
  });

  it('refuses unknown tables, bad HLCs and non-uuid rows', () => {
    expect(
      PushRequest.safeParse({ ...base, changes: [{ ...change(), table: 'sqlite_master' }] })
        .success,
    ).toBe(false);
    expect(
      PushRequest.safeParse({ ...base, changes: [{ ...change(), hlc: 'yesterday' }] }).success,
    ).toBe(false);
    expect(PushRequest.safeParse({ ...base, changes: [{ ...change(), rowId: '1' }] }).success).toBe(
      false,
    );
  });
});

describe('splitIntoBatches', () => {
  it('keeps every batch under the count and byte limits, in order, losing nothing', () => {
    const changes = Array.from({ length: 25 }, (_, i) => change('x'.repeat(100 + i)));
    const limits = { maxBodyBytes: 2048, maxChangesPerBatch: 4, maxAuditPerBatch: 4 };
    const batches = splitIntoBatches(changes, [], limits);
    for (const b of batches) {
      expect(b.changes.length).toBeLessThanOrEqual(4);
      expect(utf8Length(JSON.stringify({ ...b, batchId: randomUUID() }))).toBeLessThan(
        limits.maxBodyBytes,
      );
    }
    expect(batches.flatMap((b) => b.changes)).toEqual(changes);
  });

  it('sends a whole outbox of the real limits in as few batches as the count limit allows', () => {
    const changes = Array.from({ length: SYNC_LIMITS.maxChangesPerBatch * 2 + 1 }, () => change());
    expect(splitIntoBatches(changes, []).map((b) => b.changes.length)).toEqual([
      SYNC_LIMITS.maxChangesPerBatch,
      SYNC_LIMITS.maxChangesPerBatch,
      1,
    ]);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('中')).toBe(3);
  });
});

describe('enrollment code', () => {
  const code = { enrollmentId: 'abcDEF012_-x', token: 'A'.repeat(22), secret: 'b'.repeat(43) };

  it('round-trips through the text people copy, ignoring surrounding whitespace', () => {
    expect(parseEnrollmentCode(`  ${formatEnrollmentCode(code)}\n`)).toEqual(code);
  });

  it('rejects a truncated or mistyped code', () => {
    expect(parseEnrollmentCode(formatEnrollmentCode(code).slice(0, -1))).toBeNull();
    expect(parseEnrollmentCode('abc.def')).toBeNull();
  });

  it('compares fingerprints regardless of case and colons', () => {
    expect(normalizeFingerprint('ab:cd:EF')).toBe(normalizeFingerprint('ABCDEF'));
  });
});
