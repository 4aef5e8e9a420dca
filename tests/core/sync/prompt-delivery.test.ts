// A message sent on workstation A reaches workstation B through the background
// scheduler alone (a real sync server, HTTPS, mutual TLS): B's idle probe of the
// server's head (`POST /v1/head`) sees the new sequence and pulls, long before
// the full-round interval. While nothing happens B probes but runs no round, and
// an older server without the route leaves B on the interval.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { servicesFor } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import { serverHead } from '../../../electron/core/sync/sync-head';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { SyncScheduler } from '../../../electron/core/sync/sync-scheduler';
import { AppError } from '../../../shared/errors';
import { STAFF_PASSWORD } from '../fixtures';
import { twoWorkstations, type TwoWorkstations } from './two-workstation-world';

async function until(what: string, ok: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Never due within a test: any round B runs was caused by the head probe. */
const HOUR = 3_600_000;

describe('delivery between two online workstations', () => {
  let world: TwoWorkstations;
  let bStore: ClinicStore;
  let doctorOnB: Session;
  const stops: (() => void)[] = [];

  beforeAll(async () => {
    world = await twoWorkstations({ a: 'Front desk', b: 'Consulting room 1' });
    bStore = world.bStore;
    doctorOnB = await servicesFor(bStore).auth.login('dr.house@example.test', STAFF_PASSWORD);
  });
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });
  afterAll(async () => {
    await world.close();
  });

  /** A scheduler whose rounds are counted, with a short probe interval and no full-round interval. */
  function scheduler(store: ClinicStore, head?: typeof serverHead) {
    const counted = { rounds: 0, probes: 0 };
    const s = new SyncScheduler(store, {
      intervalMs: HOUR,
      changeCheckMs: 50,
      round: (st, o) => {
        counted.rounds++;
        return syncRound(st, o);
      },
      head: async (st) => {
        counted.probes++;
        return (head ?? serverHead)(st);
      },
    });
    s.start();
    stops.push(() => s.stop());
    return { s, counted };
  }

  it("a message sent on A appears in the doctor's inbox on B without anyone syncing", async () => {
    const a = world.a;
    const onA = scheduler(a.store);
    const onB = scheduler(bStore);
    await until('both first rounds', () => onA.counted.rounds > 0 && onB.counted.rounds > 0);
    await until('B to be idle', () => !onB.s.state.running && onB.counted.probes > 3);
    const roundsWhileIdle = onB.counted.rounds;
    const probesBefore = onB.counted.probes;
    await until('B to probe a few more times', () => onB.counted.probes > probesBefore + 5);
    // Nothing new on the server: B asked, and pulled nothing.
    expect(onB.counted.rounds).toBe(roundsWhileIdle);

    const inbox = () =>
      servicesFor(bStore).messages.inbox(doctorOnB, { before: null, limit: 50, archived: false })
        .items;
    const before = inbox().length;
    a.services.messages.start(a.desk, {
      to: { kind: 'users', userIds: [a.doctorSession.user.id] },
      body: 'Mrs Patel is in the waiting room.',
      patientId: null,
      urgent: true,
    });
    onA.s.nudge();
    await until('the message on B', () => inbox().length > before);
    expect(inbox()[0]).toMatchObject({
      lastLine: 'Mrs Patel is in the waiting room.',
      urgent: true,
    });
    expect(servicesFor(bStore).messages.unread(doctorOnB, {}).urgent).toBeGreaterThan(0);
    // B pulled because the head moved, not because a full round was due.
    expect(onB.counted.rounds).toBeGreaterThan(roundsWhileIdle);
  });

  it('against a server without /v1/head, B stops probing and waits for the interval', async () => {
    const old = async (): Promise<number> => {
      throw new AppError('NOT_FOUND', 'No such route on this sync server.');
    };
    const onB = scheduler(bStore, old);
    await until('the first round', () => onB.counted.rounds > 0 && !onB.s.state.running);
    await new Promise((r) => setTimeout(r, 500));
    // One probe learned the route is missing; no round was run because of it.
    expect(onB.counted.probes).toBe(1);
    expect(onB.counted.rounds).toBe(1);
    expect(onB.s.state.online).toBe(true);
  });
});
