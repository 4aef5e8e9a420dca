// Audit entries pulled from the server are checked before they are stored: a
// forged, rewritten, unlinked or out-of-sequence entry is refused with nothing
// of its page written (the server could otherwise rewrite another
// workstation's history).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, type AuditLog } from '../../../shared/domain/audit-log';
import { hashAudit } from '../../../electron/core/audit/audit-writer';
import { uuidV7 } from '../../../electron/core/audit/uuid-v7';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { applyRemoteAudit } from '../../../electron/core/sync/apply-remote';
import { clinicWorld } from '../world';

let w: Awaited<ReturnType<typeof clinicWorld>>;
beforeAll(async () => {
  w = await clinicWorld();
});
afterAll(() => w.close());

/** A valid chain of `n` entries of another workstation, from `from` on. */
function chain(deviceId: string, n: number, from = 1, prev = GENESIS_HASH): AuditLog[] {
  const out: AuditLog[] = [];
  for (let seq = from; seq < from + n; seq++) {
    const content = {
      id: uuidV7(Date.parse('2026-12-02T10:00:00.000Z') + seq),
      tenantId: w.store.tenantId ?? '',
      userId: null,
      action: 'read' as const,
      tableAffected: 'patients',
      recordId: w.patient.id,
      timestamp: new Date(Date.parse('2026-12-02T10:00:00.000Z') + seq).toISOString(),
      deviceId,
      deviceSeq: seq,
      prevHash: prev,
      detail: '',
    };
    const e = { ...content, hash: hashAudit(content) };
    out.push(e);
    prev = e.hash;
  }
  return out;
}

const stored = (deviceId: string) =>
  (
    writableDb(w.store)
      .prepare('SELECT count(*) AS n FROM audit_logs WHERE deviceId = ?')
      .get(deviceId) as { n: number }
  ).n;

describe('pulled audit entries', () => {
  it('stores a valid chain, in pages and out of order within a page, and ignores repeats', () => {
    const device = randomUUID();
    const entries = chain(device, 5);
    expect(applyRemoteAudit(w.store, [entries[2], entries[0], entries[1]] as AuditLog[])).toBe(3);
    expect(applyRemoteAudit(w.store, entries)).toBe(2);
    expect(stored(device)).toBe(5);
  });

  it('refuses an entry whose content was changed, and stores nothing of its page', () => {
    const device = randomUUID();
    const [a, b, c] = chain(device, 3) as [AuditLog, AuditLog, AuditLog];
    expect(() => applyRemoteAudit(w.store, [a, b, { ...c, detail: 'forged' }])).toThrow(
      expect.objectContaining({ code: 'INTEGRITY_FAILED' }),
    );
    expect(stored(device)).toBe(0);
  });

  it('refuses an entry with a recomputed hash that no longer follows the one before it', () => {
    const device = randomUUID();
    const [a, b] = chain(device, 2) as [AuditLog, AuditLog];
    const { hash: _h, ...content } = { ...b, prevHash: 'f'.repeat(64) };
    const relinked = { ...content, hash: hashAudit(content) };
    expect(() => applyRemoteAudit(w.store, [a, relinked])).toThrow(/does not follow/);
    expect(stored(device)).toBe(0);
  });

  it('refuses a gap, and a rewrite of an entry already here', () => {
    const device = randomUUID();
    const entries = chain(device, 4);
    expect(() => applyRemoteAudit(w.store, [entries[0], entries[2]] as AuditLog[])).toThrow(
      /entry before it is missing/,
    );
    expect(stored(device)).toBe(0);
    applyRemoteAudit(w.store, entries.slice(0, 2));
    const [rewritten] = chain(device, 1, 2, entries[0]?.hash);
    const other = { ...(rewritten as AuditLog), detail: 'other' };
    const { hash: _h, ...content } = other;
    expect(() => applyRemoteAudit(w.store, [{ ...content, hash: hashAudit(content) }])).toThrow(
      /differs from the entry already here/,
    );
    expect(stored(device)).toBe(2);
  });
});
