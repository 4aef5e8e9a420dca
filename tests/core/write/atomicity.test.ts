import { describe, expect, it } from 'vitest';
import { clinicFixture } from '../helpers';
import { patientInput } from '../fixtures';
import type { Db } from '../../../electron/core/store/open-database';
import { writableDb } from '../../../electron/core/clinic/writable-db';

const counts = (db: Db) =>
  db
    .prepare(
      `SELECT (SELECT count(*) FROM patients) AS rows_, (SELECT count(*) FROM sync_outbox) AS outbox,
              (SELECT count(*) FROM audit_logs) AS audit, (SELECT value FROM local_meta WHERE key='counter:mrn') AS mrn`,
    )
    .get();

describe('one write path: row, changes and audit land together or not at all', () => {
  it.each(['row', 'outbox', 'audit'] as const)(
    'a failure after the %s step leaves nothing behind',
    async (step) => {
      let armed = false;
      const f = await clinicFixture({
        faults: (at) => {
          if (armed && at === step) throw new Error(`injected failure after ${at}`);
        },
      });
      try {
        f.services.patients.create(f.admin, patientInput({ givenName: 'Before' }));
        const before = counts(writableDb(f.store));
        armed = true;
        expect(() =>
          f.services.patients.create(f.admin, patientInput({ givenName: 'Doomed' })),
        ).toThrow(/injected/);
        expect(counts(writableDb(f.store))).toEqual(before);
        armed = false;
        // The store keeps working, and the audit chain is intact.
        f.services.patients.create(f.admin, patientInput({ givenName: 'After' }));
        const { verifyAuditChains } = await import('../../../electron/core/audit/verify-chain');
        expect(verifyAuditChains(f.store.read).breaks).toEqual([]);
      } finally {
        f.close();
      }
    },
  );

  it('an update failing half-way leaves the row as it was', async () => {
    let armed = false;
    const f = await clinicFixture({
      faults: (at) => {
        if (armed && at === 'outbox') throw new Error('injected');
      },
    });
    try {
      const p = f.services.patients.create(f.admin, patientInput());
      armed = true;
      expect(() =>
        f.services.patients.update(f.admin, { id: p.id, changes: { phone: '999' } }),
      ).toThrow(/injected/);
      expect(f.services.patients.get(f.admin, p.id).phone).toBe(p.phone);
    } finally {
      f.close();
    }
  });
});
