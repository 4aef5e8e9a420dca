import { describe, expect, it } from 'vitest';
import { parseHlc } from '../../../shared/sync/hlc';
import { clinicFixture } from '../helpers';
import { patientInput } from '../fixtures';
import { writableDb } from '../../../electron/core/clinic/writable-db';

interface OutboxRow {
  tbl: string;
  rowId: string;
  hlc: string;
  columns: string;
}

describe('change capture and audit on every write', () => {
  it('records per-column changes with HLC and device, and an attributable audit entry, for create, update, delete', async () => {
    const f = await clinicFixture();
    try {
      const p = f.services.patients.create(f.admin, patientInput());
      f.services.patients.update(f.admin, {
        id: p.id,
        changes: { phone: '020 0000 0000', givenName: 'Zeb' },
      });
      f.repos.patients.delete(f.admin.actor, p.id);
      const out = writableDb(f.store)
        .prepare("SELECT * FROM sync_outbox WHERE tbl='patients' ORDER BY seq")
        .all() as OutboxRow[];
      expect(out).toHaveLength(3);
      const [create, update, del] = out.map((o) => ({
        ...o,
        columns: JSON.parse(o.columns) as Record<string, unknown>,
      }));
      expect(create?.columns).toMatchObject({
        familyName: 'Quixotewright',
        tenantId: f.admin.actor.tenantId,
      });
      expect(Object.keys(update?.columns ?? {}).sort()).toEqual([
        'givenName',
        'phone',
        'updatedAt',
      ]);
      expect(del?.columns).toHaveProperty('deletedAt');
      const clocks = out.map((o) => parseHlc(o.hlc));
      expect(clocks.every((c) => c.deviceId === f.store.deviceId)).toBe(true);
      expect(out.map((o) => o.hlc)).toEqual([...out.map((o) => o.hlc)].sort());

      const audit = writableDb(f.store)
        .prepare("SELECT * FROM audit_logs WHERE tableAffected='patients' ORDER BY deviceSeq")
        .all() as {
        action: string;
        userId: string;
        deviceId: string;
        recordId: string;
        detail: string;
      }[];
      expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
      for (const a of audit) {
        expect(a).toMatchObject({
          userId: f.admin.user.id,
          deviceId: f.store.deviceId,
          recordId: p.id,
        });
        expect(a.detail).not.toMatch(/Zeb|Quixote|020/);
      }
      // A tombstoned patient is gone from reads.
      expect(() => f.services.patients.get(f.admin, p.id)).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      );
    } finally {
      f.close();
    }
  });

  it('refuses invalid data with field issues and writes nothing', async () => {
    const f = await clinicFixture();
    try {
      const before = writableDb(f.store).prepare('SELECT count(*) AS n FROM sync_outbox').get();
      let err: unknown;
      try {
        f.services.patients.create(f.admin, patientInput({ dateOfBirth: '1980-02-31x' }));
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((err as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(
        'dateOfBirth',
      );
      expect(writableDb(f.store).prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual(
        before,
      );
    } finally {
      f.close();
    }
  });
});
