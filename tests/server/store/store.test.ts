// One suite, both stores: the embedded SQLite file and PostgreSQL (a database
// of its own on 127.0.0.1:5432, dropped after).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import { openSqliteStore } from '../../../sync-server/src/store/sqlite-store';
import { openPgStore } from '../../../sync-server/src/store/pg-store';
import type { SyncStore } from '../../../sync-server/src/store/types';
import { BATCH_ID_RETENTION_MS } from '../../../sync-server/src/sync/plan-push';
import { FakeDevice, testDevice } from '../helpers/fixtures';
import { createTempDatabase, type TempDatabase } from '../helpers/pg';

interface Backend {
  name: string;
  setup(): Promise<void>;
  open(): Promise<SyncStore>;
  teardown(): Promise<void>;
}

let dir = '';
let database: TempDatabase | null = null;
const backends: Backend[] = [
  {
    name: 'sqlite',
    setup: async () => {
      dir = mkdtempSync(join(tmpdir(), 'ehrbs-store-'));
    },
    open: async () => openSqliteStore(dir),
    teardown: async () => rmSync(dir, { recursive: true, force: true }),
  },
  {
    name: 'postgres',
    setup: async () => {
      database = await createTempDatabase();
    },
    open: async () => openPgStore(database?.url ?? ''),
    teardown: async () => database?.drop(),
  },
];

const now = () => new Date().toISOString();
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code,
  );

describe.each(backends)('sync store on $name', (backend) => {
  let store: SyncStore;
  let tenantId: string;
  let device: FakeDevice;

  beforeAll(async () => {
    await backend.setup();
    store = await backend.open();
  });
  afterAll(async () => {
    await store.close();
    await backend.teardown();
  });
  beforeEach(async () => {
    tenantId = randomUUID();
    device = new FakeDevice(tenantId);
    await store.registerClinic(
      { id: tenantId, name: 'Clinic', createdAt: now() },
      testDevice(tenantId, device.deviceId),
    );
  });

  const push = (
    changes = [] as ReturnType<FakeDevice['change']>[],
    audit = [] as ReturnType<FakeDevice['audit']>[],
    batchId = randomUUID(),
    by = device,
  ) =>
    store.push({
      tenantId: by.tenantId,
      deviceId: by.deviceId,
      batchId,
      changes,
      audit,
      now: now(),
    });

  it('refuses to register a clinic twice', async () => {
    const again = store.registerClinic(
      { id: tenantId, name: 'Clinic', createdAt: now() },
      testDevice(tenantId, randomUUID()),
    );
    expect(await codeOf(again)).toBe('CONFLICT');
  });

  it('appends pushed changes and audit entries to the clinic log and pulls them back in pages', async () => {
    const row = randomUUID();
    const changes = [
      device.change('patients', row, 'firstName', 'Ada'),
      device.change('patients', row, 'lastName', 'Lovelace'),
    ];
    const audit = [device.audit(row), device.audit(row)];
    expect(await push(changes, audit)).toEqual({ accepted: 4, duplicates: 0, serverSeq: 4 });

    const first = await store.pull(tenantId, 0, 3);
    expect(first.changes.map((c) => c.columns.join(','))).toEqual(['firstName', 'lastName']);
    expect(first.audit).toEqual([audit[0]]);
    expect(first).toMatchObject({ nextCursor: 3, hasMore: true });
    const second = await store.pull(tenantId, first.nextCursor, 3);
    expect(second.audit).toEqual([audit[1]]);
    expect(second).toMatchObject({ changes: [], nextCursor: 4, hasMore: false });
    // The head probe's answer is where a caught-up pull ends; an unknown clinic has none.
    expect(await store.lastSeq(tenantId)).toBe(4);
    expect(await store.lastSeq(randomUUID())).toBe(0);
  });

  it('treats a retried batch as a duplicate and stores nothing twice', async () => {
    const batchId = randomUUID();
    const changes = [device.change('patients', randomUUID(), 'firstName', 'Ada')];
    const audit = [device.audit()];
    await push(changes, audit, batchId);
    expect(await push(changes, audit, batchId)).toEqual({
      accepted: 0,
      duplicates: 2,
      serverSeq: 2,
    });
    // The same items under a new batch id are recognised too.
    expect(await push(changes, audit)).toEqual({ accepted: 0, duplicates: 2, serverSeq: 2 });
    expect((await store.pull(tenantId, 0, 100)).changes).toHaveLength(1);
  });

  it('keeps the later HLC per cell whatever the arrival order, and snapshots the winners', async () => {
    const row = randomUUID();
    const older = device.change('patients', row, 'firstName', 'Old');
    const newer = device.change('patients', row, 'firstName', 'New');
    await push([newer]);
    // The older change loses: the compacted log does not store it.
    expect(await push([older])).toEqual({ accepted: 0, duplicates: 1, serverSeq: 1 });
    const snap = await store.snapshot(tenantId, null, null, 10);
    expect(snap.changes).toEqual([newer]);
    expect(snap).toMatchObject({ cursor: 1, total: 1, hasMore: false, next: null });
  });

  it('compacts the log to one change per cell as it is written, and expires old batch ids', async () => {
    const row = randomUUID();
    const edits = ['One', 'Two', 'Three'].map((v) => device.change('patients', row, 'notes', v));
    const other = device.change('patients', row, 'email', 'e');
    const old = randomUUID();
    const longAgo = new Date(Date.now() - BATCH_ID_RETENTION_MS - 60_000).toISOString();
    await store.push({
      tenantId,
      deviceId: device.deviceId,
      batchId: old,
      changes: [edits[0] as never, other],
      audit: [],
      now: longAgo,
    });
    await push([edits[1] as never]);
    // Two changes of one cell in one batch: only the later is stored.
    const last = await push([edits[2] as never, device.change('patients', row, 'notes', 'Four')]);
    expect(last).toMatchObject({ accepted: 1, duplicates: 1, serverSeq: 4 });
    const page = await store.pull(tenantId, 0, 100);
    expect(page.changes.map((c) => [c.columns.join(','), c.serverSeq])).toEqual([
      ['email', 2],
      ['notes', 4],
    ]);
    expect(page).toMatchObject({ nextCursor: 4, hasMore: false });
    const counts = await store.counts(now());
    expect(counts.changes).toBeGreaterThanOrEqual(2);
    const snap = await store.snapshot(tenantId, null, null, 10);
    expect(snap.changes.map((c) => c.columns.join(','))).toEqual(['email', 'notes']);
    // The old batch id, from beyond the retention window, is forgotten: new content under it is stored ...
    const fresh = device.change('patients', row, 'phone', 'p');
    expect(await push([fresh], [], old)).toEqual({ accepted: 1, duplicates: 0, serverSeq: 5 });
    // ... a batch id within the window is remembered ...
    const again = await push([device.change('patients', row, 'phone', 'q')], [], old);
    expect(again).toMatchObject({ accepted: 0 });
    // ... and the old batch rebuilt under a new id is deduplicated per cell: nothing stored again.
    expect(await push([edits[0] as never, other])).toEqual({
      accepted: 0,
      duplicates: 2,
      serverSeq: 5,
    });
  });

  it('keeps a sealed row change while it wins any column, and drops it once it wins none', async () => {
    const row = randomUUID();
    const early = device.hlc(); // older than every change below
    const created = device.rowChange('patients', row, {
      firstName: 'Ada',
      lastName: 'L',
      email: 'a',
    });
    await push([created]);
    expect((await store.counts(now())).cells).toBeGreaterThanOrEqual(3);
    // A later edit of one column: the creation still wins the other two and stays.
    const renamed = device.change('patients', row, 'firstName', 'Augusta');
    expect(await push([renamed])).toMatchObject({ accepted: 1, serverSeq: 2 });
    expect((await store.pull(tenantId, 0, 10)).changes).toEqual([
      { ...created, serverSeq: 1 },
      { ...renamed, serverSeq: 2 },
    ]);
    // An older change that touches both a won and a free column is stored for the free one.
    const older = device.rowChange('patients', row, { firstName: 'Old', phone: '1' }, early);
    expect(await push([older])).toMatchObject({ accepted: 1, serverSeq: 3 });
    // Edits that together win all three of the creation's columns: it leaves the log.
    await push([device.rowChange('patients', row, { lastName: 'King', email: 'b' })]);
    const left = (await store.pull(tenantId, 0, 10)).changes;
    expect(left.map((c) => c.hlc)).not.toContain(created.hlc);
    expect(left.map((c) => c.columns)).toEqual([
      ['firstName'],
      ['firstName', 'phone'],
      ['lastName', 'email'],
    ]);
    const snap = await store.snapshot(tenantId, null, null, 10);
    expect(snap.changes.map((c) => c.columns)).toEqual(left.map((c) => c.columns));
    expect(snap.total).toBe(3);
  });

  it('pages a snapshot at a fixed cursor; later changes come through pull', async () => {
    const rows = [randomUUID(), randomUUID(), randomUUID()].sort();
    await push(rows.map((r) => device.change('appointments', r, 'notes', 'x')));
    const first = await store.snapshot(tenantId, null, null, 2);
    expect(first).toMatchObject({ cursor: 3, total: 3, hasMore: true });
    const later = device.change('appointments', rows[2] ?? '', 'notes', 'y');
    await push([later]);
    const second = await store.snapshot(tenantId, first.cursor, first.next, 2);
    expect(second).toMatchObject({ changes: [], hasMore: false });
    expect((await store.pull(tenantId, first.cursor, 10)).changes).toEqual([
      { ...later, serverSeq: 4 },
    ]);
  });

  it('pages the audit history up to a cursor, leaving later entries to pull', async () => {
    const audit = [device.audit(), device.audit(), device.audit()];
    await push([device.change('patients', randomUUID(), 'firstName', 'x')], audit);
    const first = await store.auditPage(tenantId, 0, 3, 1);
    expect(first).toEqual({ audit: [audit[0]], nextCursor: 2, hasMore: true });
    const rest = await store.auditPage(tenantId, first.nextCursor, 3, 10);
    expect(rest).toEqual({ audit: [audit[1]], nextCursor: 3, hasMore: false });
  });

  it('refuses a rewritten audit chain and writes nothing of that batch', async () => {
    const a1 = device.audit();
    const a2 = device.audit();
    await push([], [a1]);
    const rewritten = { ...a1, detail: 'changed' };
    const change = device.change('patients', randomUUID(), 'firstName', 'Ada');
    expect(await codeOf(push([change], [rewritten, a2]))).toBe('INTEGRITY_FAILED');
    const gap = new FakeDevice(tenantId, device.deviceId);
    const skipped = [gap.audit(), gap.audit(), gap.audit()].slice(2);
    expect(await codeOf(push([change], skipped))).toBe('CONFLICT');
    expect(await store.pull(tenantId, 1, 100)).toMatchObject({ changes: [], audit: [] });
    expect(await push([change], [a2])).toMatchObject({ accepted: 2 });
  });

  it('redeems an enrollment once, before it expires, with the right token', async () => {
    const id = randomUUID().slice(0, 12);
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    await store.createEnrollment({
      id,
      tenantId,
      createdBy: device.deviceId,
      tokenHash: 'h',
      wrappedClinicKey: 'blob',
      createdAt: now(),
      expiresAt,
    });
    expect(await codeOf(store.checkEnrollment(id, 'wrong', now()))).toBe('UNAUTHENTICATED');
    expect(await store.checkEnrollment(id, 'h', now())).toEqual({ tenantId });
    const newcomer = testDevice(tenantId, randomUUID());
    expect(await store.enrollDevice(id, 'h', now(), newcomer)).toEqual({
      wrappedClinicKey: 'blob',
    });
    expect(
      await codeOf(store.enrollDevice(id, 'h', now(), testDevice(tenantId, randomUUID()))),
    ).toBe('CONFLICT');
    expect(
      await codeOf(store.checkEnrollment(id, 'h', new Date(Date.now() + 120_000).toISOString())),
    ).toBe('CONFLICT');

    const late = randomUUID().slice(0, 12);
    await store.createEnrollment({
      id: late,
      tenantId,
      createdBy: device.deviceId,
      tokenHash: 'h',
      wrappedClinicKey: 'blob',
      createdAt: now(),
      expiresAt,
    });
    const afterExpiry = new Date(Date.now() + 120_000).toISOString();
    expect(
      await codeOf(store.enrollDevice(late, 'h', afterExpiry, testDevice(tenantId, randomUUID()))),
    ).toBe('FORBIDDEN');
    expect((await store.listDevices(tenantId)).map((d) => d.id).sort()).toEqual(
      [device.deviceId, newcomer.id].sort(),
    );
  });

  it('revokes a device and finds devices by certificate fingerprint', async () => {
    const record = testDevice(tenantId, device.deviceId);
    expect(await store.findDeviceByFingerprint(record.certFingerprint)).toMatchObject({
      id: device.deviceId,
      tenantId,
      revokedAt: null,
    });
    expect(await store.revokeDevice(device.deviceId, now())).toBe(true);
    expect((await store.findDeviceByFingerprint(record.certFingerprint))?.revokedAt).not.toBeNull();
    expect(await store.revokeDevice(randomUUID(), now())).toBe(false);
  });

  it("records a device's last pull at most once a minute, its audit chain's end, and renames in its clinic only", async () => {
    const activity = async () =>
      (await store.deviceActivity(tenantId)).find((a) => a.deviceId === device.deviceId);
    expect(await activity()).toEqual({
      deviceId: device.deviceId,
      lastSeenAt: null,
      lastAuditSeq: 0,
    });
    await push([], [device.audit(), device.audit()]);
    const t0 = '2030-01-01T10:00:00.000Z';
    await store.touchDevice(device.deviceId, t0);
    await store.touchDevice(device.deviceId, '2030-01-01T10:00:30.000Z');
    expect(await activity()).toMatchObject({ lastSeenAt: t0, lastAuditSeq: 2 });
    await store.touchDevice(device.deviceId, '2030-01-01T10:01:30.000Z');
    expect((await activity())?.lastSeenAt).toBe('2030-01-01T10:01:30.000Z');

    expect(await store.renameDevice(tenantId, device.deviceId, 'Room 2')).toBe(true);
    expect((await store.listDevices(tenantId))[0]?.name).toBe('Room 2');
    expect(await store.renameDevice(randomUUID(), device.deviceId, 'Elsewhere')).toBe(false);
    expect(await store.renameDevice(tenantId, randomUUID(), 'Nobody')).toBe(false);
    expect((await store.listDevices(tenantId))[0]?.name).toBe('Room 2');
    expect(await store.deviceActivity(randomUUID())).toEqual([]);
  });

  it('keeps each clinic to its own log', async () => {
    await push([device.change('patients', randomUUID(), 'firstName', 'Ada')]);
    const other = randomUUID();
    await store.registerClinic(
      { id: other, name: 'Other', createdAt: now() },
      testDevice(other, randomUUID()),
    );
    expect(await store.pull(other, 0, 100)).toMatchObject({
      changes: [],
      audit: [],
      hasMore: false,
    });
    expect((await store.snapshot(other, null, null, 100)).changes).toEqual([]);
  });

  it('numbers concurrent pushes from two server instances without gaps or repeats', async () => {
    const second = await backend.open();
    try {
      const batches = Array.from({ length: 8 }, () => [
        device.change('patients', randomUUID(), 'firstName', 'x'),
      ]);
      await Promise.all(
        batches.map((changes, i) =>
          (i % 2 ? second : store).push({
            tenantId,
            deviceId: device.deviceId,
            batchId: randomUUID(),
            changes,
            audit: [],
            now: now(),
          }),
        ),
      );
      const seqs = (await store.pull(tenantId, 0, 100)).changes.map((c) => c.serverSeq);
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      await second.close();
    }
  });
});
