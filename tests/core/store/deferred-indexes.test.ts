// A bootstrap builds the entity tables' plain indexes once after its bulk
// load (store/deferred-indexes.ts). The new workstation must end with exactly
// the schema's indexes, and a load cut short by a crash must not leave a
// store without them: the next open rebuilds them.
import { expect, it } from 'vitest';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { deferIndexes } from '../../../electron/core/store/deferred-indexes';
import { readMetaRow } from '../../../electron/core/store/local-meta';
import { entityTables } from '../../../shared/domain/entities';
import { clinicFixture, testWrapper } from '../helpers';
import { twoWorkstations } from '../sync/two-workstation-world';

const indexes = (store: ClinicStore) =>
  writableDb(store)
    .prepare(
      "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
    )
    .all() as { tbl_name: string; name: string; sql: string }[];

const pendingRecord = (store: ClinicStore) =>
  readMetaRow(writableDb(store), 'sync:deferredIndexes');

const familyNameSearchPlan = (store: ClinicStore) =>
  (
    writableDb(store)
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id FROM patients WHERE tenantId = ? AND familyName = ? ORDER BY givenName',
      )
      .all('t', 'Okafor') as { detail: string }[]
  )
    .map((r) => r.detail)
    .join('; ');

it('a bootstrapped workstation holds every index of the schema, and its searches use them', async () => {
  const w = await twoWorkstations({ a: 'Front desk', b: 'Consulting room' });
  try {
    expect(indexes(w.bStore)).toEqual(indexes(w.a.store));
    expect(pendingRecord(w.bStore)).toBeNull();
    expect(familyNameSearchPlan(w.bStore)).toContain('patients_family');
  } finally {
    await w.close();
  }
});

it('indexes dropped for a bulk load that never finished are rebuilt when the store next opens', async () => {
  const f = await clinicFixture();
  try {
    const before = indexes(f.store);
    const dropped = deferIndexes(writableDb(f.store), entityTables);
    const during = indexes(f.store);
    expect(dropped).toBeGreaterThan(3);
    expect(during).toHaveLength(before.length - dropped);
    // Unique indexes stay, checking every row as it arrives.
    expect(during.map((i) => i.name)).toEqual(
      expect.arrayContaining(
        before.filter((i) => i.sql.startsWith('CREATE UNIQUE')).map((i) => i.name),
      ),
    );
    expect(familyNameSearchPlan(f.store)).not.toContain('patients_family');
    // The process dies here: the store is closed with the indexes still dropped.
    f.store.close();
    const reopened = await ClinicStore.open(f.dir, testWrapper());
    try {
      expect(indexes(reopened)).toEqual(before);
      expect(pendingRecord(reopened)).toBeNull();
      expect(familyNameSearchPlan(reopened)).toContain('patients_family');
    } finally {
      reopened.close();
    }
  } finally {
    f.close();
  }
});
