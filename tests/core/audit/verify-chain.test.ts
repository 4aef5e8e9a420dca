import { describe, expect, it } from 'vitest';
import { hashAudit } from '../../../electron/core/audit/audit-writer';
import { verifyAuditChains } from '../../../electron/core/audit/verify-chain';
import type { AuditLog } from '../../../shared/domain/audit-log';
import { clinicWorld } from '../world';
import type { Db } from '../../../electron/core/store/open-database';
import { writableDb } from '../../../electron/core/clinic/writable-db';

const entry = (db: Db, seq: number) =>
  db.prepare('SELECT * FROM audit_logs WHERE deviceSeq = ?').get(seq) as AuditLog & {
    pushed: number;
  };

describe('the audit hash chain', () => {
  it('verifies intact', async () => {
    const w = await clinicWorld();
    try {
      const report = verifyAuditChains(w.store.read);
      expect(report.breaks).toEqual([]);
      expect(report.entries).toBeGreaterThan(10);
    } finally {
      w.close();
    }
  });

  it('catches an edited entry at its sequence number', async () => {
    const w = await clinicWorld();
    try {
      writableDb(w.store).prepare('UPDATE audit_logs SET userId = NULL WHERE deviceSeq = 5').run();
      expect(verifyAuditChains(w.store.read).breaks).toEqual([
        expect.objectContaining({
          deviceId: w.store.deviceId,
          deviceSeq: 5,
          reason: 'hash_mismatch',
        }),
      ]);
    } finally {
      w.close();
    }
  });

  it('catches a rewritten entry (hash recomputed) at the next link, and a deleted entry as a gap', async () => {
    const w = await clinicWorld();
    try {
      const e = entry(writableDb(w.store), 4);
      const { hash: _h, pushed: _p, ...content } = e;
      const forged = { ...content, action: 'read' as const };
      writableDb(w.store)
        .prepare('UPDATE audit_logs SET action = ?, hash = ? WHERE id = ?')
        .run('read', hashAudit(forged), e.id);
      expect(verifyAuditChains(w.store.read).breaks[0]).toMatchObject({
        deviceSeq: 5,
        reason: 'broken_link',
      });

      writableDb(w.store).prepare('DELETE FROM audit_logs WHERE deviceSeq = 2').run();
      expect(verifyAuditChains(w.store.read).breaks[0]).toMatchObject({
        deviceSeq: 2,
        reason: 'sequence_gap',
      });
    } finally {
      w.close();
    }
  });
});
