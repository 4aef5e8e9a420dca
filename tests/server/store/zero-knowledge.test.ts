// The server holds ciphertext only, whatever the real workstation client
// sends: a clinic with patient data carrying marker strings (demographics,
// a clinical note, a message, an invoice line, a refund reason) is pushed by
// the app's own sync round, then every byte the server keeps is searched for
// the markers: its data directory on SQLite (database, WAL, keys) and, on
// PostgreSQL, its data directory and a pg_dump of its database. The control:
// the values the server holds for those cells decrypt, with the clinic key,
// to the markers, so the markers did travel, sealed.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClinic } from '../../../electron/core/sync/enrollment';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { openChange } from '../../../electron/core/sync/value-crypto';
import { decryptField } from '../../../electron/core/crypto/field-crypto';
import { clinicWorld } from '../../core/world';
import { patientInput } from '../../core/fixtures';
import { createTempDatabase, type TempDatabase } from '../helpers/pg';
import { startTestServer, type TestServer } from '../helpers/server';

const MARKERS = {
  givenName: 'Zanzibarmarker',
  familyName: 'Quillfeathermarker',
  phone: '07700 900 123',
  address: '77 Markerlane Mews',
  insurer: 'Markerhealth Mutual',
  note: 'persistent cough, suspected pertussis-marker-3141',
  message: 'her brucellosis-marker-2718 titre came back',
  invoiceLine: 'Nebuliser marker-1618',
};

function bytesUnder(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else parts.push(readFileSync(p));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

const found = (haystack: Buffer, needles: readonly string[]) =>
  needles.filter(
    (n) =>
      haystack.includes(Buffer.from(n, 'utf8')) || haystack.includes(Buffer.from(n, 'utf16le')),
  );

let database: TempDatabase | null = null;
const backends = [
  { name: 'sqlite', options: async () => ({}), dump: () => Buffer.alloc(0) },
  {
    name: 'postgres',
    options: async () => {
      database = await createTempDatabase();
      return { databaseUrl: database.url };
    },
    dump: () => execFileSync('pg_dump', ['--no-owner', database?.url ?? '']),
  },
];

describe.each(backends)('the sync server on $name holds no plaintext', (backend) => {
  let t: TestServer;
  let w: Awaited<ReturnType<typeof clinicWorld>>;
  let patientId = '';
  const needles = Object.values(MARKERS);

  beforeAll(async () => {
    t = await startTestServer(await backend.options());
    w = await clinicWorld();
    const { services, desk, doctorSession } = w;
    const patient = services.patients.create(
      desk,
      patientInput({
        givenName: MARKERS.givenName,
        familyName: MARKERS.familyName,
        phone: MARKERS.phone,
        address: MARKERS.address,
        insuranceProvider: MARKERS.insurer,
      }),
    );
    patientId = patient.id;
    services.records.create(doctorSession, {
      patientId,
      recordType: 'note',
      content: { text: MARKERS.note },
    });
    services.messages.send(desk, {
      receiverId: doctorSession.user.id,
      body: MARKERS.message,
      patientId,
    });
    services.billing.createInvoice(desk, {
      patientId,
      paymentMethod: 'card',
      lines: [{ description: MARKERS.invoiceLine, quantity: 1, unitPrice: 100 }],
      issue: true,
    });
    await connectClinic(w.store, {
      serverUrl: t.server.url,
      fingerprint: t.server.caFingerprint,
      adminToken: t.adminToken,
      deviceName: 'Front desk',
    });
    const round = await syncRound(w.store);
    expect(round.pushed).toBeGreaterThan(0);
    expect(w.store.outbox.pendingCount()).toBe(0);
  }, 120_000);
  afterAll(async () => {
    w.close();
    await t.stop();
    await database?.drop();
  });

  it('the markers travelled, sealed: the server’s values for those cells decrypt to them', async () => {
    const tenantId = w.store.tenantId ?? '';
    const page = await t.server.store.pull(tenantId, 0, 100_000);
    // Each sealed change opened with the clinic key, as a peer workstation would; clinical
    // content (records, messages) is sealed once more per value, so it is opened again.
    const rows = new Map<string, Record<string, unknown>>();
    for (const c of page.changes) {
      const key = `${c.table}:${c.rowId}`;
      const row = rows.get(key) ?? { table: c.table, id: c.rowId };
      const values = openChange(w.store.keyring, tenantId, c);
      c.columns.forEach((column, i) => (row[column] = values[i]));
      rows.set(key, row);
    }
    const opened = [...rows.values()].map((row) => {
      const sealedAs = { medical_records: 'encryptedData', messages: 'encryptedMessage' } as const;
      const table = String(row['table']);
      const column = table in sealedAs ? sealedAs[table as keyof typeof sealedAs] : null;
      if (!column) return JSON.stringify(row);
      return decryptField(
        w.store.keyring,
        { tenantId, table: table as 'messages', rowId: String(row['id']) },
        { ciphertext: String(row[column]), wrappedKey: String(row['encryptionKey']) },
      );
    });
    for (const marker of needles)
      expect(
        opened.some((v) => v.includes(marker)),
        marker,
      ).toBe(true);
    // And the sealed text is what the server stores (so the byte search looks in the right place).
    const sealed = page.changes.find(
      (c) => c.rowId === patientId && c.columns.includes('familyName'),
    );
    expect(sealed).toBeDefined();
    const stored = Buffer.concat([bytesUnder(t.dataDir), backend.dump()]);
    expect(stored.includes(Buffer.from(sealed?.value ?? '-'))).toBe(true);
  });

  it('no marker is anywhere in the server’s files or database', () => {
    expect(found(bytesUnder(t.dataDir), needles)).toEqual([]);
    expect(found(backend.dump(), needles)).toEqual([]);
  });
});
