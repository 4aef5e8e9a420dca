// Two server instances over one PostgreSQL database serve the same clinic: a
// certificate, an enrollment code or a revocation from one is honoured by the
// other, and concurrent pushes through both get one gap-free sequence.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { versions, type Workstation } from '../helpers/client';
import { FakeDevice } from '../helpers/fixtures';
import { createTempDatabase, type TempDatabase } from '../helpers/pg';
import { startTestServer, type TestServer } from '../helpers/server';

let db: TempDatabase;
let a: TestServer;
let b: TestServer;
const adminToken = randomUUID();
// Every instance over one database is given the same server key (EHRBS_SERVER_KEY).
const serverKey = randomBytes(32).toString('base64');

beforeAll(async () => {
  db = await createTempDatabase();
  [a, b] = await Promise.all([
    startTestServer({ databaseUrl: db.url, adminToken, serverKey }),
    startTestServer({ databaseUrl: db.url, adminToken, serverKey }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

it('shares one CA, so a workstation may use either instance', () => {
  expect(a.server.caFingerprint).toBe(b.server.caFingerprint);
});

it('serves one clinic consistently through both instances', async () => {
  const first = await a.registerClinic();
  // The same certificate, pointed at the other instance.
  const onB = (ws: Workstation) => ws.withBaseUrl(b.server.url);
  const second = await b.enroll(onB(first.ws));

  const devA = new FakeDevice(first.tenantId, first.deviceId);
  const devB = new FakeDevice(first.tenantId, second.deviceId);
  const row = randomUUID();
  // Each workstation pushes its batches in order (its audit chain must arrive in order);
  // the two push at the same time, each through a different instance.
  const pushAll = async (ws: Workstation, dev: FakeDevice) => {
    for (let i = 0; i < 3; i++) {
      const res = await ws.post('/v1/push', {
        ...versions,
        batchId: randomUUID(),
        sentAt: Date.now(),
        changes: [dev.change('appointments', randomUUID(), 'notes', `edit ${i}`)],
        audit: [dev.audit(row)],
      });
      expect(res.status).toBe(200);
    }
  };
  await Promise.all([pushAll(onB(first.ws), devA), pushAll(second.ws, devB)]);

  // No echo: each workstation receives the other's three changes and audit entries.
  // Together: twelve items (six changes, six audit entries) numbered 1 to 12, no gaps, no repeats.
  const pullAll = (ws: Workstation) =>
    ws.post('/v1/pull', { ...versions, sentAt: Date.now(), after: 0 });
  const pulled = [await pullAll(first.ws), await pullAll(second.ws)];
  const changeSeqs = pulled.flatMap((p) =>
    (p.data.changes as { serverSeq: number }[]).map((c) => c.serverSeq),
  );
  expect(new Set(changeSeqs).size).toBe(6);
  expect(changeSeqs.every((s) => s >= 1 && s <= 12)).toBe(true);
  for (const p of pulled) {
    expect(p.data.changes).toHaveLength(3);
    expect(p.data.audit).toHaveLength(3);
    expect(p.data).toMatchObject({ nextCursor: 12, hasMore: false });
  }
  const auditDevices = (p: (typeof pulled)[number]) =>
    new Set((p.data.audit as { deviceId: string }[]).map((e) => e.deviceId));
  expect(auditDevices(pulled[0] as (typeof pulled)[number])).toEqual(new Set([second.deviceId]));
  expect(auditDevices(pulled[1] as (typeof pulled)[number])).toEqual(new Set([first.deviceId]));
  const snapA = await first.ws.post('/v1/snapshot', { ...versions });
  const snapB = await second.ws.post('/v1/snapshot', { ...versions });
  expect(snapA.data.changes).toEqual(snapB.data.changes);
  expect(snapA.data.changes).not.toHaveLength(0);

  await a.server.store.revokeDevice(second.deviceId, new Date().toISOString());
  const refused = await second.ws.post('/v1/pull', { ...versions, sentAt: Date.now(), after: 0 });
  expect(refused).toMatchObject({ status: 403, data: { code: 'REVOKED' } });
});
