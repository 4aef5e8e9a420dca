// kill -9 of the server while it applies a push, then a restart and the
// client's retry of the same batch: every change and audit entry is stored
// exactly once, with a gap-free sequence, whatever moment the kill hit.
// (Counted with the server's metrics: a workstation's own pull skips its own items.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { newWorkstationKey, versions, Workstation } from './helpers/client';
import { FakeDevice } from './helpers/fixtures';
import { spawnServer, type ServerProcess } from './helpers/process';

const dataDir = mkdtempSync(join(tmpdir(), 'ehrbs-crash-'));
const token = randomUUID();
let server: ServerProcess | null = null;

const start = async () => {
  server = spawnServer(['--data', dataDir], { EHRBS_SERVER_TOKEN: token });
  return (await server.waitFor(/listening on (https:\/\/\S+)/))[1] ?? '';
};

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('loses and duplicates nothing when the server dies mid-push', async () => {
  let url = await start();
  const caPem = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
  const key = newWorkstationKey();
  const tenantId = randomUUID();
  const deviceId = randomUUID();
  const reg = await new Workstation(url, caPem).post(
    '/v1/clinics',
    { ...versions, tenantId, clinicName: 'C', deviceId, deviceName: 'D', csr: key.csrPem },
    { authorization: `Bearer ${token}` },
  );
  const credentials = { certPem: String(reg.data.certificate), keyPem: key.keyPem };
  const dev = new FakeDevice(tenantId, deviceId);
  const batch = {
    ...versions,
    batchId: randomUUID(),
    sentAt: Date.now(),
    changes: Array.from({ length: 2000 }, () => dev.change('patients', randomUUID(), 'notes', 'n')),
    audit: Array.from({ length: 50 }, () => dev.audit()),
  };

  const inFlight = new Workstation(url, caPem, credentials)
    .post('/v1/push', batch)
    .catch(() => null);
  await new Promise((r) => setTimeout(r, 150));
  server?.child.kill('SIGKILL');
  await inFlight;

  url = await start();
  const ws = new Workstation(url, caPem, credentials);
  const retried = await ws.post('/v1/push', batch);
  expect(retried.status).toBe(200);
  expect(Number(retried.data.accepted) + Number(retried.data.duplicates)).toBe(2050);

  let after = 0;
  let changes = 0;
  let audit = 0;
  for (;;) {
    const page = await ws.post('/v1/pull', { ...versions, sentAt: Date.now(), after, limit: 5000 });
    changes += (page.data.changes as unknown[]).length;
    audit += (page.data.audit as unknown[]).length;
    after = Number(page.data.nextCursor);
    if (!page.data.hasMore) break;
  }
  // No echo: the device's own pull passes over its items, and its cursor ends past all of them.
  expect({ changes, audit, after }).toEqual({ changes: 0, audit: 0, after: 2050 });
  const metrics = await new Workstation(url, caPem).get('/v1/metrics', {
    authorization: `Bearer ${token}`,
  });
  expect(metrics.data).toMatchObject({ changes: 2000, auditEntries: 50 });
});
