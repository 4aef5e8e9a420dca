// Push, pull and snapshot over real HTTPS with mutual TLS, and the refusals a
// clinic relies on: wrong version, oversized batch, revoked workstation,
// another clinic's data, a rewritten audit log. Each refusal writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_LIMITS } from '../../../../shared/sync/protocol';
import { versions, type Workstation } from '../../helpers/client';
import { FakeDevice, decryptValue } from '../../helpers/fixtures';
import { startTestServer, type TestServer } from '../../helpers/server';

interface Clinic {
  tenantId: string;
  deviceId: string;
  ws: Workstation;
  dev: FakeDevice;
}

describe('sync over HTTPS', () => {
  let t: TestServer;
  let clinic: Clinic;
  const newClinic = async (): Promise<Clinic> => {
    const r = await t.registerClinic();
    return { ...r, dev: new FakeDevice(r.tenantId, r.deviceId) };
  };
  const push = (c: Clinic, body: Record<string, unknown>) =>
    c.ws.post('/v1/push', {
      ...versions,
      batchId: randomUUID(),
      sentAt: Date.now(),
      changes: [],
      audit: [],
      ...body,
    });
  const pull = (c: Clinic, after = 0, extra: Record<string, unknown> = {}) =>
    c.ws.post('/v1/pull', { ...versions, sentAt: Date.now(), after, ...extra });
  const storedChanges = async () => {
    const m = await t.anonymous().get('/v1/metrics', { authorization: `Bearer ${t.adminToken}` });
    return m.data.changes;
  };

  beforeAll(async () => {
    t = await startTestServer();
    clinic = await newClinic();
  });
  afterAll(async () => t.stop());

  it('carries a change from one workstation to another and reports the clock offset', async () => {
    const a = await newClinic();
    const b = await t.enroll(a.ws);
    const row = randomUUID();
    const change = a.dev.change('patients', row, 'lastName', 'Hopper');
    const sentAt = Date.now() - 5000; // this workstation's clock runs 5 s behind
    const pushed = await push(a, { changes: [change], audit: [a.dev.audit(row)], sentAt });
    expect(pushed).toMatchObject({
      status: 200,
      data: { accepted: 2, duplicates: 0, serverSeq: 2 },
    });
    expect(Number(pushed.data.clockOffsetMs)).toBeGreaterThanOrEqual(5000);

    const bDev = new FakeDevice(a.tenantId, b.deviceId);
    const bClinic = { ...a, deviceId: b.deviceId, ws: b.ws, dev: bDev };
    const pulled = await pull(bClinic);
    expect(pulled).toMatchObject({ status: 200, data: { nextCursor: 2, hasMore: false } });
    expect(pulled.data.changes).toEqual([{ ...change, serverSeq: 1 }]);
    expect(decryptValue(String((pulled.data.changes as { value: string }[])[0]?.value))).toBe(
      'Hopper',
    );

    // B answers; A pulls after its cursor and sees only B's change.
    const reply = bDev.change('patients', row, 'lastName', 'Hopper-Smith');
    await push(bClinic, { changes: [reply], audit: [bDev.audit(row)] });
    const back = await pull(a, 2);
    expect(back.data.changes).toEqual([{ ...reply, serverSeq: 3 }]);
    const snap = await b.ws.post('/v1/snapshot', { ...versions });
    expect(snap).toMatchObject({
      status: 200,
      data: { cursor: 4, total: 1, changes: [reply], hasMore: false },
    });
  });

  it('gives a new workstation the audit history written before it joined', async () => {
    const a = await newClinic();
    const entries = [a.dev.audit(), a.dev.audit()];
    await push(a, { audit: entries });
    const b = await t.enroll(a.ws);
    const snap = await b.ws.post('/v1/snapshot', { ...versions });
    const history = await b.ws.post('/v1/audit', { ...versions, after: 0, upTo: snap.data.cursor });
    expect(history).toMatchObject({
      status: 200,
      data: { audit: entries, nextCursor: 2, hasMore: false },
    });
  });

  it('stores a retried batch once', async () => {
    const body = {
      batchId: randomUUID(),
      changes: [clinic.dev.change('appointments', randomUUID(), 'notes', 'x')],
    };
    expect((await push(clinic, body)).data).toMatchObject({ accepted: 1, duplicates: 0 });
    expect((await push(clinic, body)).data).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('tells an app of another version to update, and writes nothing', async () => {
    const before = await storedChanges();
    const change = clinic.dev.change('patients', randomUUID(), 'firstName', 'x');
    const old = await push(clinic, { protocolVersion: 0, changes: [change] });
    expect(old).toMatchObject({ status: 426, data: { code: 'UPDATE_REQUIRED' } });
    expect(String(old.data.message)).toMatch(/Update the app/);
    const newer = await push(clinic, {
      schemaVersion: versions.schemaVersion + 1,
      changes: [change],
    });
    expect(newer).toMatchObject({ status: 426, data: { code: 'UPDATE_REQUIRED' } });
    expect(await storedChanges()).toBe(before);
  });

  it('refuses oversized batches with a clear 413', async () => {
    const many = Array.from({ length: SYNC_LIMITS.maxChangesPerBatch + 1 }, () =>
      clinic.dev.change('patients', randomUUID(), 'firstName', 'x'),
    );
    const tooMany = await push(clinic, { changes: many });
    expect(tooMany).toMatchObject({ status: 413, data: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(String(tooMany.data.message)).toMatch(
      new RegExp(`at most ${SYNC_LIMITS.maxChangesPerBatch} changes`),
    );
    const huge = await push(clinic, { padding: 'x'.repeat(SYNC_LIMITS.maxBodyBytes) });
    expect(huge).toMatchObject({ status: 413, data: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it("keeps each clinic out of the other's data", async () => {
    const other = await newClinic();
    const before = await storedChanges();
    const change = other.dev.change('patients', randomUUID(), 'firstName', 'x');
    const named = await push(other, { tenantId: clinic.tenantId, changes: [change] });
    expect(named).toMatchObject({ status: 403, data: { code: 'FORBIDDEN' } });
    const tenantRow = await push(other, {
      changes: [other.dev.change('tenants', clinic.tenantId, 'name', 'x')],
    });
    expect(tenantRow).toMatchObject({ status: 403, data: { code: 'FORBIDDEN' } });
    const foreignAudit = new FakeDevice(clinic.tenantId, other.deviceId).audit();
    expect((await push(other, { audit: [foreignAudit] })).status).toBe(403);
    expect((await pull(other, 0, { tenantId: clinic.tenantId })).status).toBe(403);
    expect(await storedChanges()).toBe(before);
    // Its own pull never shows the first clinic's changes.
    expect((await pull(other)).data.changes).toEqual([]);
  });

  it('never sends a workstation its own changes back, and its cursor passes over them', async () => {
    const a = await newClinic();
    const peer = await t.enroll(a.ws);
    const b = { ...a, ...peer, dev: new FakeDevice(a.tenantId, peer.deviceId) };
    const row = randomUUID();
    await push(a, { changes: [a.dev.change('patients', row, 'firstName', 'Ada')] }); // seq 1
    await push(b, { changes: [b.dev.change('patients', row, 'lastName', 'Byron')] }); // seq 2
    await push(a, { changes: [a.dev.change('patients', row, 'notes', 'n')] }); // seq 3
    await push(b, { changes: [b.dev.change('patients', row, 'email', 'e')] }); // seq 4
    const columns = (r: Awaited<ReturnType<typeof pull>>) =>
      (r.data.changes as { columns: string[] }[]).map((c) => c.columns.join(','));
    // Pages of one item: B's changes only; the last page ends at the clinic's last sequence.
    const first = await pull(a, 0, { limit: 1 });
    expect(first.data).toMatchObject({ nextCursor: 2, hasMore: true });
    expect(columns(first)).toEqual(['lastName']);
    const second = await pull(a, 2, { limit: 1 });
    expect(second.data).toMatchObject({ nextCursor: 4, hasMore: false });
    expect(columns(second)).toEqual(['email']);
    // Nothing but its own items left: an empty page whose cursor still moves to the end.
    await push(a, { changes: [a.dev.change('patients', row, 'phone', 'p')] }); // seq 5
    const tail = await pull(a, 4);
    expect(tail.data).toMatchObject({ changes: [], audit: [], nextCursor: 5, hasMore: false });
    // B receives A's changes, and none of its own.
    const forB = await pull(b, 0);
    expect(columns(forB)).toEqual(['firstName', 'notes', 'phone']);
    expect(forB.data).toMatchObject({ nextCursor: 5, hasMore: false });
  });

  it("answers the head probe with the clinic's last sequence, its own clinic only", async () => {
    const a = await newClinic();
    const b = await t.enroll(a.ws);
    const other = await newClinic();
    const head = (ws: Workstation, extra: Record<string, unknown> = {}) =>
      ws.post('/v1/head', { ...versions, ...extra });
    const before = await head(b.ws);
    expect(before).toMatchObject({ status: 200, data: { tenantId: a.tenantId } });
    const row = randomUUID();
    await push(a, {
      changes: [a.dev.change('patients', row, 'lastName', 'Lovelace')],
      audit: [a.dev.audit(row)],
    });
    // B sees the head move past what it has, and a pull from there brings the change.
    const after = await head(b.ws);
    expect(Number(after.data.lastSeq)).toBeGreaterThan(Number(before.data.lastSeq));
    const pulled = await b.ws.post('/v1/pull', {
      ...versions,
      sentAt: Date.now(),
      after: Number(before.data.lastSeq),
    });
    expect(pulled.data.nextCursor).toBe(after.data.lastSeq);
    expect(pulled.data.changes).toHaveLength(1);
    // Another clinic's head did not move, and naming another clinic is refused.
    expect((await head(other.ws)).data).toMatchObject({ tenantId: other.tenantId, lastSeq: 0 });
    expect((await head(other.ws, { tenantId: a.tenantId })).status).toBe(403);
    // Asking writes nothing.
    const stored = await storedChanges();
    await head(b.ws);
    expect(await storedChanges()).toBe(stored);
  });

  it('refuses a revoked workstation', async () => {
    const gone = await newClinic();
    await t.server.store.revokeDevice(gone.deviceId, new Date().toISOString());
    const res = await pull(gone);
    expect(res).toMatchObject({ status: 403, data: { code: 'REVOKED' } });
  });

  it('refuses a rewritten audit log and writes nothing of that batch', async () => {
    const c = await newClinic();
    const first = c.dev.audit();
    await push(c, { audit: [first] });
    const before = await storedChanges();
    const forged = { ...c.dev.audit(), action: 'read' as const }; // altered after hashing
    const change = c.dev.change('medical_records', randomUUID(), 'encryptedData', 'x');
    const res = await push(c, { changes: [change], audit: [forged] });
    expect(res).toMatchObject({ status: 409, data: { code: 'INTEGRITY_FAILED' } });
    expect(String(res.data.message)).toMatch(/audit/);
    expect(await storedChanges()).toBe(before);
    const peer = await t.enroll(c.ws);
    expect((await pull({ ...c, ...peer })).data.audit).toEqual([first]);
  });

  it('refuses changes stamped by a clock far ahead, so they cannot win every merge', async () => {
    const c = await newClinic();
    const ahead = c.dev.change(
      'patients',
      randomUUID(),
      'firstName',
      'x',
      `${String(Date.now() + 3_600_000).padStart(15, '0')}-0000-${c.deviceId}`,
    );
    const res = await push(c, { changes: [ahead] });
    expect(res).toMatchObject({ status: 422, data: { code: 'CLOCK_SKEW' } });
  });

  it('refuses a malformed batch with the fields at fault', async () => {
    const res = await push(clinic, { changes: [{ table: 'patients', rowId: 'nope' }] });
    expect(res).toMatchObject({ status: 400, data: { code: 'VALIDATION_FAILED' } });
    expect((res.data as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(
      'changes.0.rowId',
    );
  });
});
