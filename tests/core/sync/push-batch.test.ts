// Push batches are sized without serializing each change: the estimate must be
// the exact JSON size, or a batch could exceed the server's body limit. The
// batch after one in flight is read from where that one ends.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  acknowledgeBatch,
  changeJsonBytes,
  nextPushBatch,
} from '../../../electron/core/sync/push-batch';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { SYNC_LIMITS } from '../../../shared/sync/protocol';
import { utf8Length } from '../../../shared/sync/batching';
import { patientInput } from '../fixtures';
import { clinicWorld } from '../world';

let world: Awaited<ReturnType<typeof clinicWorld>>;
beforeAll(async () => {
  world = await clinicWorld();
  world.services.patients.create(
    world.desk,
    patientInput({ givenName: 'Zoë', familyName: 'Ünïcode-名前' }),
  );
});
afterAll(() => world.close());

it('sizes every change of a batch exactly as its JSON (non-ASCII clinical text included)', () => {
  const batch = nextPushBatch(world.store);
  expect(batch?.changes.length).toBeGreaterThan(17);
  for (const c of batch?.changes ?? []) {
    expect(changeJsonBytes(c)).toBe(utf8Length(JSON.stringify(c)) + 1);
  }
});

it('prepares each next batch after the one in flight: every change and audit entry once, in order', () => {
  for (let i = 0; i < 6; i++)
    world.services.patients.create(world.desk, patientInput({ givenName: `Batch${i}` }));
  const limits = { ...SYNC_LIMITS, maxChangesPerBatch: 2, maxAuditPerBatch: 3 };
  const outboxSeqs = (
    writableDb(world.store).prepare('SELECT seq FROM sync_outbox ORDER BY seq').all() as {
      seq: number;
    }[]
  ).map((r) => r.seq);
  const unpushed = world.store.outbox.unpushedAudit(10_000).map((e) => e.deviceSeq);
  expect(unpushed.length).toBeGreaterThan(6);

  const sent: { changes: number[]; audit: number[] }[] = [];
  const seqOf = new Map<string, number>();
  for (const r of writableDb(world.store)
    .prepare('SELECT seq, rowId, hlc FROM sync_outbox')
    .all() as { seq: number; rowId: string; hlc: string }[])
    seqOf.set(`${r.rowId}|${r.hlc}`, r.seq);
  for (let b = nextPushBatch(world.store, limits); b; b = nextPushBatch(world.store, limits, b)) {
    if (sent.length > outboxSeqs.length) throw new Error('batches repeat: never past the outbox');
    sent.push({
      changes: b.changes.map((c) => seqOf.get(`${c.rowId}|${c.hlc}`) ?? -1),
      audit: b.audit.map((e) => e.deviceSeq),
    });
  }
  expect(sent.flatMap((s) => s.changes)).toEqual(outboxSeqs);
  expect(sent.flatMap((s) => s.audit)).toEqual(unpushed);
  expect(Math.max(...sent.map((s) => s.changes.length))).toBe(2);

  // The first is acknowledged and the second push fails: the next round starts right after the first.
  const first = nextPushBatch(world.store, limits);
  if (!first) throw new Error('no batch');
  acknowledgeBatch(world.store, first);
  const again = nextPushBatch(world.store, limits);
  expect(again?.changes.map((c) => seqOf.get(`${c.rowId}|${c.hlc}`))).toEqual(sent[1]?.changes);
  expect(again?.audit.map((e) => e.deviceSeq)).toEqual(sent[1]?.audit);
});
