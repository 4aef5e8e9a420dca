// Property: 3 workstations register the same few people (duplicates abound),
// book for them, message about them, edit them and merge them, while
// partitioned, in any order, syncing through the real HTTPS server at random
// moments. Merges race with offline bookings, messages and edits of either
// record, with each other (the same record merged into two survivors, two
// records merged into each other). After everyone syncs:
//  - every replica is identical, including the derived re-pointing;
//  - no row is lost: every appointment and message made anywhere is there;
//  - no row points at a merged record whose chain ends at a live patient
//    (it was re-pointed to that survivor), and opening a merged id gives the
//    same answer on every workstation;
//  - an edit of a merged record made after the merge is still on that record
//    (kept visible to the admin), never silently dropped.
// Each run works on a copy of one enrolled template on a fresh server
// (convergence-world.ts), so a run costs about 2 s, not 10. The suite runs 15;
// reproduce a failure with MERGE_SEED=<seed printed> npx vitest run <this file>,
// and run more with MERGE_RUNS=n (MERGE_MAX_OPS=m for longer workloads).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { entityTables } from '../../../shared/domain/entities';
import { entityColumns } from '../../../electron/core/store/row-codec';
import { patientInput } from '../fixtures';
import { buildTemplate, openWorld, type Replica, type Template } from './convergence-world';

type Op =
  | { t: 'register'; ws: number; who: number }
  | { t: 'book' | 'message' | 'edit'; ws: number; pick: number; n: number }
  | { t: 'merge'; ws: number; survivor: number; retired: number; take: boolean }
  | { t: 'sync'; ws: number };

const WORKSTATIONS = 3;
const PEOPLE = [
  { givenName: 'Amara', familyName: 'Lindqvist', dateOfBirth: '1984-03-09' },
  { givenName: 'Amarah', familyName: 'Lindqvist', dateOfBirth: '1984-03-09' },
  { givenName: 'Chidi', familyName: 'Okafor', dateOfBirth: '1961-04-12' },
];

const opArb: fc.Arbitrary<Op> = (() => {
  const ws = fc.nat(WORKSTATIONS - 1);
  const pick = fc.nat(20);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        t: fc.constant('register' as const),
        ws,
        who: fc.nat(PEOPLE.length - 1),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        t: fc.constantFrom('book' as const, 'message' as const, 'edit' as const),
        ws,
        pick,
        n: fc.nat(10_000),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        t: fc.constant('merge' as const),
        ws,
        survivor: pick,
        retired: pick,
        take: fc.boolean(),
      }),
    },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('sync' as const), ws }) },
  );
})();

/** Every entity row of a replica, all columns, by table (clocks left out). */
function content(store: ClinicStore): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of entityTables) {
    const cols = entityColumns(table)
      .map((c) => `"${c}"`)
      .join(', ');
    out[table] = writableDb(store).prepare(`SELECT ${cols} FROM ${table} ORDER BY id`).all();
  }
  return out;
}

const livePatients = (r: Replica): string[] =>
  (
    writableDb(r.store)
      .prepare('SELECT id FROM patients WHERE deletedAt IS NULL ORDER BY id')
      .all() as { id: string }[]
  ).map((x) => x.id);

describe('patient merges converge with offline edits to either record', () => {
  // Enrolling three workstations is most of a run's cost: it is done once (the convergence
  // property's template), and each run works on a copy of it on a fresh server.
  let template: Template;
  beforeAll(async () => {
    template = await buildTemplate(WORKSTATIONS);
  }, 120_000);
  afterAll(() => template.cleanup());

  async function makeReplicas(): Promise<{ replicas: Replica[]; close: () => Promise<void> }> {
    const world = await openWorld(template, WORKSTATIONS);
    return { replicas: world.replicas, close: world.close };
  }

  const runs = Number(process.env['MERGE_RUNS'] ?? 15);
  const maxOps = Number(process.env['MERGE_MAX_OPS'] ?? 35);
  it(`holds for random workloads (fast-check, ${runs} runs of 10 to ${maxOps} operations)`, async () => {
    const seed = Number(process.env['MERGE_SEED'] ?? Date.now() % 2 ** 31);
    console.log(`patient-merge property seed: ${seed} (MERGE_SEED=${seed} to reproduce)`);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: maxOps }), async (ops) => {
        const { replicas, close } = await makeReplicas();
        const made = { appointments: new Set<string>(), messages: new Set<string>() };
        const lateEdits: { patientId: string; hlc: string }[] = [];
        try {
          for (const op of ops) {
            const r = replicas[op.ws] as Replica;
            const live = livePatients(r);
            const tenantId = r.store.tenantId ?? '';
            try {
              switch (op.t) {
                case 'register': {
                  const who = PEOPLE[op.who] ?? PEOPLE[0];
                  r.services.patients.create(r.desk, patientInput({ ...who, phone: '' }));
                  break;
                }
                case 'book':
                case 'message':
                case 'edit': {
                  const patientId = live[op.pick % Math.max(live.length, 1)];
                  if (!patientId) break;
                  if (op.t === 'book') {
                    const doctorId = r.services.repos.doctors.list(tenantId)[0]?.id ?? '';
                    made.appointments.add(
                      r.store.write(r.desk.actor, {
                        kind: 'create',
                        table: 'appointments',
                        values: {
                          doctorId,
                          patientId,
                          scheduledAt: new Date(1_800_000_000_000 + op.n * 900_000).toISOString(),
                          durationMinutes: 15,
                          status: 'scheduled',
                          notes: '',
                          cancelReason: null,
                          overbookReason: null,
                        },
                      }).id,
                    );
                  } else if (op.t === 'message') {
                    const doctor = r.services.repos.users
                      .list(tenantId)
                      .find((u) => u.role === 'doctor');
                    made.messages.add(
                      r.services.messages.send(r.desk, {
                        receiverId: doctor?.id ?? '',
                        body: `about them ${op.n}`,
                        patientId,
                      }).id,
                    );
                  } else {
                    const address = `${op.n} Edit Street`;
                    r.services.patients.update(r.desk, { id: patientId, changes: { address } });
                    const last = writableDb(r.store)
                      .prepare('SELECT hlc FROM sync_outbox ORDER BY seq DESC LIMIT 1')
                      .get() as { hlc: string };
                    lateEdits.push({ patientId, hlc: last.hlc });
                  }
                  break;
                }
                case 'merge': {
                  const survivorId = live[op.survivor % Math.max(live.length, 1)];
                  const retiredId = live[op.retired % Math.max(live.length, 1)];
                  if (!survivorId || !retiredId || survivorId === retiredId) break;
                  r.services.patientMerge.merge(r.admin, {
                    survivorId,
                    retiredId,
                    takeFromRetired: op.take ? ['address', 'givenName'] : [],
                  });
                  break;
                }
                case 'sync':
                  await syncRound(r.store);
                  break;
              }
            } catch (e) {
              // Refusals of a workstation's own rules (a record merged here already) are fine.
              if (!(e instanceof Error && 'code' in e)) throw e;
            }
          }
          // Everyone syncs until quiet: two full rounds in order.
          for (let round = 0; round < 2; round++)
            for (const r of replicas) await syncRound(r.store);

          const first = replicas[0] as Replica;
          const expected = content(first.store);
          for (const r of replicas.slice(1)) expect(content(r.store)).toEqual(expected);

          const tenantId = first.store.tenantId ?? '';
          const rows = (table: string) =>
            writableDb(first.store).prepare(`SELECT id, patientId FROM ${table}`).all() as {
              id: string;
              patientId: string | null;
            }[];
          const appointmentIds = new Set(rows('appointments').map((a) => a.id));
          for (const id of made.appointments) expect(appointmentIds.has(id)).toBe(true);
          const messageIds = new Set(rows('messages').map((m) => m.id));
          for (const id of made.messages) expect(messageIds.has(id)).toBe(true);

          // No row is left on a merged record whose chain reaches a live survivor.
          const patients = writableDb(first.store)
            .prepare('SELECT id, deletedAt, mergedInto FROM patients')
            .all() as { id: string; deletedAt: string | null; mergedInto: string | null }[];
          const byId = new Map(patients.map((p) => [p.id, p]));
          for (const table of ['appointments', 'messages', 'medical_records', 'billing']) {
            for (const row of rows(table)) {
              const p = row.patientId ? byId.get(row.patientId) : undefined;
              if (!p || p.mergedInto === null) continue;
              const survivor = first.services.repos.patients.find(tenantId, p.mergedInto);
              expect(survivor === null || survivor.id === row.patientId).toBe(true);
            }
          }
          // Opening any record answers the same everywhere.
          for (const p of patients) {
            const answers = replicas.map((r) => {
              try {
                return r.services.patients.get(r.desk, p.id).id;
              } catch (e) {
                return (e as { code?: string }).code ?? 'error';
              }
            });
            expect(new Set(answers).size).toBe(1);
            if (p.mergedInto !== null && p.deletedAt !== null && answers[0] !== 'NOT_FOUND')
              expect(answers[0]).not.toBe(p.id);
          }
          // No edit is silently dropped: each patient's address still carries the
          // newest edit made to it (its clock), merged into another record or not.
          const clockOf = writableDb(first.store).prepare(
            "SELECT coalesce(json_extract(_clocks, '$.address'), _hlc) AS clock FROM patients WHERE id = ?",
          );
          for (const e of lateEdits) {
            const { clock } = clockOf.get(e.patientId) as { clock: string };
            expect(clock >= e.hlc).toBe(true);
          }
        } finally {
          await close();
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
  }, 900_000);
});
