// The server holds ciphertext only: after a realistic sync, a byte search of
// every file in its data directory finds no patient name or note text, while
// the ciphertext that carried them is there (so the search looked in the right place).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { versions } from '../helpers/client';
import { FakeDevice } from '../helpers/fixtures';
import { startTestServer, type TestServer } from '../helpers/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.stop());

it('keeps no plaintext patient data in its files', async () => {
  const { tenantId, deviceId, ws } = await t.registerClinic();
  const dev = new FakeDevice(tenantId, deviceId);
  const patient = randomUUID();
  const note = randomUUID();
  const name = 'Zanzibar-Quillfeather';
  const noteText = 'MARKER: persistent cough, suspected pertussis';
  const changes = [
    dev.change('patients', patient, 'firstName', name),
    dev.change('patients', patient, 'lastName', name),
    dev.change('medical_records', note, 'encryptedData', noteText),
  ];
  const res = await ws.post('/v1/push', {
    ...versions,
    batchId: randomUUID(),
    sentAt: Date.now(),
    changes,
    audit: [dev.audit(patient), dev.audit(note)],
  });
  expect(res.status).toBe(200);

  const files = readdirSync(t.dataDir).map((f) => readFileSync(join(t.dataDir, f)));
  const everywhere = Buffer.concat(files);
  for (const secret of [name, noteText, 'pertussis']) {
    expect(everywhere.includes(Buffer.from(secret, 'utf8'))).toBe(false);
    expect(everywhere.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
  }
  expect(everywhere.includes(Buffer.from(changes[2]?.value ?? '-', 'utf8'))).toBe(true);
});
