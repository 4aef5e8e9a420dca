// Property: 3 to 5 workstations make random creates, updates and deletes on
// every entity type (and messaging, charting and billing operations) while
// partitioned, then sync in random orders through the real HTTPS server, with
// pushes duplicated, responses lost (batch retried later), pulled pages applied
// out of order, and forced re-bootstraps from the server's compacted log. Each
// run has a fresh server. Every replica ends identical (values, per-cell
// clocks, full audit rows), and every cell holds the accepted write with the
// highest HLC (the oracle in convergence-world.ts).
//
// The seed is in the test's name; re-run a failure with
// CONVERGENCE_SEED=<seed> npx vitest run tests/core/sync/convergence.property.test.ts
// (CONVERGENCE_RUNS=<n> for more runs; scripts/convergence.ts for large runs).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncRound } from '../../../electron/core/sync/sync-round';
import type { Session } from '../../../electron/core/services/session';
import {
  buildTemplate,
  convergenceRun,
  openWorld,
  workloadArb,
  type Replica,
  type RunLog,
  type Template,
} from './convergence-world';
import { replicaState } from './replicas';

const SEED = Number(process.env.CONVERGENCE_SEED ?? 20261202);
const RUNS = Number(process.env.CONVERGENCE_RUNS ?? 25);

describe('replicas converge under any delivery order', () => {
  let template: Template;
  beforeAll(async () => {
    template = await buildTemplate();
  });
  afterAll(() => template.cleanup());

  it(`holds for ${RUNS} random workloads, each on a fresh server (seed ${SEED})`, async () => {
    console.log(`convergence property: seed ${SEED}, ${RUNS} runs (CONVERGENCE_SEED to repeat)`);
    const logs: RunLog[] = [];
    await fc.assert(
      fc.asyncProperty(workloadArb(), async ([count, ops]) => {
        logs.push(await convergenceRun(template, count, ops));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The workloads did write: a generator whose operations were all refused would prove nothing.
    const accepted = logs.reduce((n, l) => n + l.accepted, 0);
    const refused = logs.flatMap((l) => l.refused);
    console.log(
      `convergence property: ${accepted} user operations accepted, ${refused.length} refused (${[
        ...new Set(refused.map((r) => `${r.op}/${r.kind}: ${r.code}`)),
      ].join('; ')})`,
    );
    expect(logs).toHaveLength(RUNS);
    expect(accepted).toBeGreaterThan(refused.length);
    expect(logs.filter((l) => l.accepted > 0).length).toBeGreaterThan(RUNS / 2);
  }, 240_000);

  it('keeps both offline replies to one conversation in the same order everywhere, and read marks converge', async () => {
    const world = await openWorld(template, 2);
    const [a, b] = world.replicas as [Replica, Replica];
    try {
      const { conversationId } = a.services.messages.start(a.desk, {
        to: { kind: 'users', userIds: [a.doctor.user.id] },
        body: 'Room 2 is ready.',
        urgent: false,
      });
      await syncRound(a.store);
      await syncRound(b.store);
      // Both offline: each workstation replies and reads.
      a.services.messages.reply(a.desk, { conversationId, body: 'From the desk', urgent: false });
      b.services.messages.reply(b.doctor, {
        conversationId,
        body: 'From the doctor',
        urgent: true,
      });
      b.services.messages.markRead(b.doctor, { conversationId });
      a.services.messages.markRead(a.desk, { conversationId });
      for (let pass = 0; pass < 2; pass++) for (const r of [a, b]) await syncRound(r.store);
      expect(replicaState(b.store)).toEqual(replicaState(a.store));

      const seen = (r: Replica, s: Session) =>
        r.services.messages
          .open(s, { conversationId, before: null, limit: 100 })
          .messages.map((m) => [m.sender.displayName, m.body, m.orderKey]);
      const onA = seen(a, a.desk);
      expect(onA.map(([, body]) => body).sort()).toEqual(
        ['From the desk', 'From the doctor', 'Room 2 is ready.'].sort(),
      );
      expect(onA[0]?.[1]).toBe('Room 2 is ready.');
      expect(seen(b, b.doctor)).toEqual(onA);
      expect(seen(b, b.desk)).toEqual(onA);
      // Unread counts are derived from the same marks on both workstations.
      for (const s of ['desk', 'doctor'] as const)
        expect(b.services.messages.unread(b[s], {})).toEqual(a.services.messages.unread(a[s], {}));
    } finally {
      await world.close();
    }
  }, 60_000);
});
