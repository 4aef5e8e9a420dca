// Stores written by earlier versions of the app (one per schema version the app
// has shipped, committed in tests/fixtures/stores/vN/; how each was made is in
// tests/fixtures/stores/README.md: the clinic world of that day plus three
// patients), opened by today's app: every later migration runs, the data reads
// back as it was written, the audit chains verify, and the clinic syncs to a server and arrives whole on a second workstation.
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { latestSchemaVersion } from '../../../electron/core/store/migrations';
import { repositories } from '../../../electron/core/repos/repositories';
import { servicesFor } from '../../../electron/core/services/services';
import { verifyAuditChains } from '../../../electron/core/audit/verify-chain';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { startTestServer } from '../../server/helpers/server';
import { ADMIN_PASSWORD, tempDir, testWrapper } from '../helpers';
import { STAFF_PASSWORD } from '../fixtures';
import { replicaContent } from '../sync/replicas';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'stores');
/** Every committed fixture: tests/fixtures/stores/v1, v2, ... (schema version N). */
const VERSIONS = readdirSync(FIXTURES)
  .map((d) => /^v(\d+)$/.exec(d)?.[1])
  .filter((v): v is string => v !== undefined)
  .map(Number)
  .sort((a, b) => a - b);
/** The passphrase every fixture's key file was wrapped with (the tests' default of each day). */
const FIXTURE_PASSPHRASE = 'correct horse battery';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openFixture(version: number) {
  const t = tempDir();
  cleanups.push(t.cleanup);
  cpSync(join(FIXTURES, `v${version}`), t.dir, { recursive: true });
  const store = await ClinicStore.open(t.dir, testWrapper(FIXTURE_PASSPHRASE));
  cleanups.push(() => store.close());
  return { store, services: servicesFor(store, repositories(store)) };
}

it('has a fixture for every schema version before the latest', () => {
  expect(VERSIONS).toEqual(Array.from({ length: latestSchemaVersion - 1 }, (_, i) => i + 1));
});

describe.each(VERSIONS)('a version-%i store opened by this app', (version) => {
  it('is migrated to the latest schema with its data and audit chains intact', async () => {
    const { store, services } = await openFixture(version);
    expect(store.schemaVersion).toBe(latestSchemaVersion);
    expect(writableDb(store).pragma('integrity_check', { simple: true })).toBe('ok');
    const chains = verifyAuditChains(store.read);
    expect(chains.breaks).toEqual([]);
    expect(chains.entries).toBeGreaterThan(10);

    const admin = await services.auth.login('admin@example.test', ADMIN_PASSWORD);
    const doctor = await services.auth.login('dr.house@example.test', STAFF_PASSWORD);
    const patients = services.patients.search(admin, { query: '', limit: 50 });
    expect(patients.items.map((p) => `${p.givenName} ${p.familyName}`).sort()).toEqual([
      'Cornelius Ashgrove',
      'Ottoline Brackenbury',
      'Perpetua Vandersloot',
      'Zebulon Quixotewright',
    ]);
    const zebulon = patients.items.find((p) => p.givenName === 'Zebulon');
    if (!zebulon) throw new Error('missing patient');
    const records = services.records.listForPatient(doctor, zebulon.id);
    expect(records).toHaveLength(1);
    expect(services.records.readContent(doctor, records[0]?.id ?? '')).toEqual({
      text: 'Suspected sarcoidosis-marker-7731, order chest CT.',
    });
    // The clinic profile (migration 009): its time zone and currency as they were, ISO dates
    // and 24-hour time until an admin chooses otherwise, no phone yet.
    expect(services.clinicSettings.get(admin)).toMatchObject({
      name: 'Riverside Clinic',
      timeZone: 'Europe/London',
      currency: 'GBP',
      dateFormat: 'YYYY-MM-DD',
      timeFormat: '24h',
      phone: null,
    });
    const invoices = services.billing.list(admin, { limit: 50 });
    expect(invoices.items).toHaveLength(1);
    // 120.00 issued, 50.00 paid (and from version 6, whose world gained a refund, 10.00
    // refunded): derived, not stored; the doctor filled in from the appointment.
    expect(invoices.items[0]).toMatchObject({
      doctorName: 'Dr Greg House',
      patientName: 'Zebulon Quixotewright',
      state:
        version >= 6
          ? { status: 'partially_refunded', net: 4000, balance: 7000 }
          : { status: 'partially_paid', net: 5000, balance: 7000 },
    });
  });

  it('connects to a sync server and arrives whole on a second workstation', async () => {
    const { store } = await openFixture(version);
    const server = await startTestServer();
    cleanups.push(() => server.stop());
    await connectClinic(store, {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      adminToken: server.adminToken,
      deviceName: 'Front desk',
    });
    await syncRound(store);
    const { code } = await createEnrollmentCode(store);
    const b = tempDir();
    cleanups.push(b.cleanup);
    const second = await joinClinic(b.dir, testWrapper('second workstation'), {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      code,
      deviceName: 'Consulting room',
    });
    cleanups.push(() => second.close());
    await syncRound(second);
    // The second workstation's own device row goes back to the first.
    await syncRound(store);
    // Values, row by row (a column the old store never had and nobody wrote has no clock to compare).
    const values = (st: ClinicStore) =>
      Object.fromEntries(
        Object.entries(replicaContent(st)).map(([t, rows]) => [
          t,
          rows.map((r) => {
            const { _cellClocks: _c, ...v } = r as Record<string, unknown>;
            return v;
          }),
        ]),
      );
    expect(values(second)).toEqual(values(store));
    expect(verifyAuditChains(second.read).breaks).toEqual([]);
  });
});
