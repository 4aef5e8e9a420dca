import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryFor } from '../../../electron/core/repos/repositories';
import { entityTables, type EntityTable } from '../../../shared/domain/entities';
import { clinicWorld } from '../world';
import { patientInput } from '../fixtures';
import { pngBytes } from '../api/document-files';
import { writableDb } from '../../../electron/core/clinic/writable-db';

describe('tenant isolation in every repository', () => {
  let w: Awaited<ReturnType<typeof clinicWorld>>;
  const otherTenant = randomUUID();
  const ids = {} as Record<EntityTable, string>;

  beforeAll(async () => {
    w = await clinicWorld();
    // The world has no attached file: one for the documents tables.
    w.services.attachments.upload(w.doctorSession, {
      patientId: w.patient.id,
      title: 'Referral',
      fileName: 'referral.png',
      dataBase64: pngBytes().toString('base64'),
    });
    // Nor a dismissed duplicate pair: a second patient, marked as not the same person.
    const other = w.services.patients.create(w.desk, patientInput({ givenName: 'Ottilie' }));
    w.services.duplicateDismissals.dismiss(w.admin, { aId: w.patient.id, bId: other.id });
    for (const table of entityTables) {
      const row = writableDb(w.store).prepare(`SELECT id FROM ${table} LIMIT 1`).get() as
        { id: string } | undefined;
      if (!row) throw new Error(`the world has no ${table} row`);
      ids[table] = row.id;
    }
  });
  afterAll(() => w.close());

  it.each(entityTables)('%s: an id from another tenant is not found, never data', (table) => {
    const repo = repositoryFor(w.repos, table);
    const tenantId = w.admin.actor.tenantId;
    expect(repo.find(tenantId, ids[table])).not.toBeNull();
    expect(repo.find(otherTenant, ids[table])).toBeNull();
    expect(() => repo.get(otherTenant, ids[table])).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(repo.list(otherTenant)).toEqual([]);
    expect(repo.count(otherTenant)).toBe(0);
  });

  it.each(entityTables.filter((t) => t !== 'tenants'))(
    '%s: another tenant cannot update or delete the row, and nothing changes',
    (table) => {
      const repo = repositoryFor(w.repos, table);
      const intruder = { tenantId: otherTenant, userId: randomUUID(), deviceId: w.store.deviceId };
      const before = repo.get(w.admin.actor.tenantId, ids[table]);
      const outbox = writableDb(w.store).prepare('SELECT count(*) AS n FROM sync_outbox').get();
      expect(() => repo.update(intruder, ids[table], {})).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      );
      expect(() => repo.delete(intruder, ids[table])).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      );
      expect(repo.get(w.admin.actor.tenantId, ids[table])).toEqual(before);
      expect(writableDb(w.store).prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual(
        outbox,
      );
    },
  );
});
