// Property: 3 to 5 workstations make random creates, updates and deletes on
// every entity type while partitioned, then sync in random orders through the
// real HTTPS server, with pushes duplicated, responses lost (batch retried
// later), pulled pages applied out of order, and forced re-bootstraps from
// the server's compacted log. Every replica ends identical,
// no accepted write is lost, and every audit entry reaches every workstation.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesFor, type Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { applyRemoteChanges } from '../../../electron/core/sync/apply-remote';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { nextPushBatch } from '../../../electron/core/sync/push-batch';
import { syncHttp, versions } from '../../../electron/core/sync/sync-http';
import { syncRound } from '../../../electron/core/sync/sync-round';
import type { EntityTable } from '../../../shared/domain/entities';
import { PaymentMethod } from '../../../shared/domain/enums';
import { PullResponse, PushResponse } from '../../../shared/sync/protocol';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { patientInput, STAFF_PASSWORD } from '../fixtures';
import { tempDir, testWrapper } from '../helpers';
import { clinicWorld } from '../world';
import { auditIds, replicaContent } from './replicas';
import { writableDb } from '../../../electron/core/clinic/writable-db';

interface Replica {
  store: ClinicStore;
  services: Services;
  desk: Session;
  doctor: Session;
  admin: Session;
  cleanup: () => void;
}

/** Billing operations: money taken and given back, a close, a price edited. */
type BillingKind = 'payment' | 'refund' | 'close' | 'price';
const billingKinds: BillingKind[] = ['payment', 'refund', 'close', 'price'];

type Op =
  | { t: 'edit'; ws: number; table: EntityTable; pick: number; n: number }
  | {
      t: 'create';
      ws: number;
      kind: 'patient' | 'appointment' | 'message' | 'invoice' | 'record' | BillingKind;
      pick: number;
      n: number;
    }
  | { t: 'delete'; ws: number; table: 'patients' | 'appointments' | 'messages'; pick: number }
  | { t: 'sync' | 'dupPush' | 'lostAck' | 'pullShuffled'; ws: number; seed: number }
  | { t: 'rebootstrap'; ws: number }
  | { t: 'signRecord' | 'amendRecord'; ws: number; pick: number; n: number };

const editable: Record<EntityTable, (n: number) => [string, unknown]> = {
  tenants: (n) => ['idleLockMinutes', 1 + (n % 60)],
  users: (n) => ['displayName', `Staff ${n}`],
  devices: (n) => ['name', `Workstation ${n}`],
  doctors: (n) => ['experienceYears', n % 50],
  patients: (n) => ['phone', `0${n}`],
  admins: (n) => [
    'permissions',
    n % 2
      ? ['audit.read']
      : [
          'audit.read',
          'users.manage',
          'doctors.manage',
          'devices.manage',
          'sync.manage',
          'export.run',
          'backup.run',
          'settings.manage',
        ],
  ],
  appointments: (n) => ['notes', `note ${n}`],
  medical_records: (n) => ['recordedAt', new Date(1_800_000_000_000 + n * 1000).toISOString()],
  messages: (n) => ['readAt', new Date(1_800_000_000_000 + n * 1000).toISOString()],
  billing: (n) => [
    'paymentMethod',
    (['cash', 'card', 'insurance', 'bank_transfer'] as const)[n % 4],
  ],
  invoice_line_items: (n) => ['description', `Item ${n}`],
  payments: (n) => ['reference', `ref ${n}`],
  conversations: (n) => ['startedAt', new Date(1_800_000_000_000 + n * 1000).toISOString()],
  conversation_members: (n) => ['createdAt', new Date(1_800_000_000_000 + n).toISOString()],
  message_marks: (n) => ['at', new Date(1_800_000_000_000 + n * 1000).toISOString()],
  refunds: (n) => ['reason', `reason ${n}`],
  price_items: (n) => ['price', 100 + n],
  day_closes: (n) => ['note', `note ${n}`],
};
const tables = Object.keys(editable) as EntityTable[];

const opArb = (wsCount: number): fc.Arbitrary<Op> => {
  const ws = fc.nat(wsCount - 1);
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        t: fc.constant('edit' as const),
        ws,
        table: fc.constantFrom(...tables),
        pick: fc.nat(50),
        n: fc.nat(1000),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        t: fc.constant('create' as const),
        ws,
        kind: fc.constantFrom(
          'patient' as const,
          'appointment' as const,
          'message' as const,
          'invoice' as const,
          'record' as const,
          ...billingKinds,
        ),
        pick: fc.nat(50),
        n: fc.nat(1000),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('delete' as const),
        ws,
        table: fc.constantFrom('patients' as const, 'appointments' as const, 'messages' as const),
        pick: fc.nat(50),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        t: fc.constantFrom(
          'sync' as const,
          'dupPush' as const,
          'lostAck' as const,
          'pullShuffled' as const,
        ),
        ws,
        seed: fc.nat(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('rebootstrap' as const), ws }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        t: fc.constantFrom('signRecord' as const, 'amendRecord' as const),
        ws,
        pick: fc.nat(50),
        n: fc.nat(1000),
      }),
    },
  );
};

const liveIds = (r: Replica, table: string) =>
  (
    writableDb(r.store)
      .prepare(`SELECT id FROM ${table} WHERE deletedAt IS NULL AND _hlc != '' ORDER BY id`)
      .all() as { id: string }[]
  ).map((x) => x.id);

const shuffle = <T>(items: T[], seed: number): T[] => {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

describe('replicas converge under any delivery order', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  async function makeReplicas(count: number): Promise<Replica[]> {
    const w = await clinicWorld();
    await connectClinic(w.store, {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      adminToken: server.adminToken,
      deviceName: 'A',
    });
    await syncRound(w.store);
    const replicas: Replica[] = [
      {
        store: w.store,
        services: w.services,
        desk: w.desk,
        doctor: w.doctorSession,
        admin: w.admin,
        cleanup: w.close,
      },
    ];
    for (let i = 1; i < count; i++) {
      const { code } = await createEnrollmentCode(w.store);
      const t = tempDir();
      const store = await joinClinic(t.dir, testWrapper(), {
        serverUrl: server.server.url,
        fingerprint: server.server.caFingerprint,
        code,
        deviceName: `W${i}`,
      });
      await syncRound(store);
      const services = servicesFor(store);
      replicas.push({
        store,
        services,
        desk: await services.auth.login('desk@example.test', STAFF_PASSWORD),
        doctor: await services.auth.login('dr.house@example.test', STAFF_PASSWORD),
        admin: await services.auth.login('admin@example.test', 'admin-password-1'),
        cleanup: () => {
          store.close();
          t.cleanup();
        },
      });
    }
    return replicas;
  }

  it('holds for random workloads (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 3, max: 5 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(opArb(n), { minLength: 10, maxLength: 40 })),
          ),
        async ([count, ops]) => {
          const replicas = await makeReplicas(count);
          const accepted: { table: string; rowId: string; column: string; hlc: string }[] = [];
          const lastPushed = new Map<number, unknown>();
          // Charting: every signature and every amendment, wherever it was made, must survive the merge.
          const signedIds = new Set<string>();
          const amendments: { id: string; amends: string }[] = [];
          const record = (r: Replica) => {
            const row = writableDb(r.store)
              .prepare('SELECT tbl, rowId, hlc, columns FROM sync_outbox ORDER BY seq DESC LIMIT 1')
              .get() as { tbl: string; rowId: string; hlc: string; columns: string } | undefined;
            if (!row) return;
            for (const column of Object.keys(JSON.parse(row.columns) as object))
              accepted.push({ table: row.tbl, rowId: row.rowId, column, hlc: row.hlc });
          };
          try {
            for (const op of ops) {
              const r = replicas[op.ws] as Replica;
              const http = () => {
                const id = r.store.sync.identity();
                if (!id) throw new Error('not connected');
                return syncHttp(id.serverUrl, { ca: id.caPem, cert: id.certPem, key: id.keyPem });
              };
              try {
                switch (op.t) {
                  case 'edit': {
                    const ids = liveIds(r, op.table);
                    const id = ids[op.pick % Math.max(ids.length, 1)];
                    if (!id) break;
                    const [column, value] = editable[op.table](op.n);
                    r.store.write(r.admin.actor, {
                      kind: 'update',
                      table: op.table,
                      id,
                      values: { [column]: value },
                    });
                    record(r);
                    break;
                  }
                  case 'create': {
                    const patients = liveIds(r, 'patients');
                    const patientId = patients[op.pick % Math.max(patients.length, 1)];
                    const doctorId = liveIds(r, 'doctors')[0];
                    if (op.kind === 'patient')
                      r.services.patients.create(r.desk, patientInput({ givenName: `P${op.n}` }));
                    else if (!patientId || !doctorId) break;
                    else if (op.kind === 'appointment')
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
                      });
                    else if (op.kind === 'message')
                      r.services.messages.send(r.desk, {
                        receiverId: r.doctor.user.id,
                        body: `m${op.n}`,
                        patientId,
                      });
                    else if (op.kind === 'payment' || op.kind === 'refund') {
                      const bills = liveIds(r, 'billing');
                      const billingId = bills[op.n % Math.max(bills.length, 1)];
                      if (!billingId) break;
                      const method = PaymentMethod.options[op.n % 4] ?? 'cash';
                      if (op.kind === 'payment')
                        r.services.billing.recordPayment(r.desk, {
                          billingId,
                          amount: 1 + (op.n % 80),
                          method,
                        });
                      else
                        r.services.billing.recordRefund(r.admin, {
                          billingId,
                          amount: 1 + (op.n % 30),
                          method,
                          reason: `reason ${op.n}`,
                        });
                    } else if (op.kind === 'close')
                      r.services.billing.closeDay(r.desk, { countedCash: op.n, note: '' });
                    else if (op.kind === 'price')
                      r.services.billing.savePriceItem(r.admin, {
                        code: `S${op.n % 7}`,
                        description: `Service ${op.n}`,
                        price: 100 + op.n,
                        taxRateBp: op.n % 2 ? null : 2000,
                        active: true,
                      });
                    else if (op.kind === 'invoice')
                      r.services.billing.createInvoice(r.desk, {
                        patientId,
                        paymentMethod: 'cash',
                        lines: [{ description: 'Visit', quantity: 1, unitPrice: 100 + op.n }],
                        issue: true,
                      });
                    else
                      r.services.records.create(r.doctor, {
                        patientId,
                        recordType: 'vitals',
                        content: { pulse: 60 + (op.n % 40) },
                      });
                    record(r);
                    break;
                  }
                  case 'delete': {
                    const ids = liveIds(r, op.table);
                    const id = ids[op.pick % Math.max(ids.length, 1)];
                    if (!id) break;
                    r.store.write(r.admin.actor, { kind: 'delete', table: op.table, id });
                    record(r);
                    break;
                  }
                  case 'signRecord':
                  case 'amendRecord': {
                    const ids = liveIds(r, 'medical_records');
                    const id = ids[op.pick % Math.max(ids.length, 1)];
                    if (!id) break;
                    if (op.t === 'signRecord') {
                      r.services.records.sign(r.doctor, id);
                      signedIds.add(id);
                    } else {
                      const a = r.services.records.amend(r.doctor, id, { text: `a${op.n}` });
                      amendments.push({ id: a.id, amends: id });
                    }
                    record(r);
                    break;
                  }
                  case 'sync':
                    await syncRound(r.store);
                    break;
                  case 'dupPush': {
                    const body = lastPushed.get(op.ws);
                    if (body) {
                      const res = await http().post('/v1/push', body, PushResponse);
                      expect(res.accepted).toBe(0);
                    }
                    break;
                  }
                  case 'lostAck': {
                    // Pushed, but the response never arrived: the batch stays in the outbox and is retried later.
                    const batch = nextPushBatch(r.store);
                    if (!batch) break;
                    const body = {
                      ...versions,
                      batchId: crypto.randomUUID(),
                      sentAt: Date.now(),
                      changes: batch.changes,
                      audit: batch.audit,
                    };
                    await http().post('/v1/push', body, PushResponse);
                    lastPushed.set(op.ws, body);
                    break;
                  }
                  case 'pullShuffled': {
                    // Deliver the next page out of order without moving the cursor; the real pull re-delivers it later.
                    const after = r.store.sync.cursor;
                    const page = await http().post(
                      '/v1/pull',
                      { ...versions, sentAt: Date.now(), after, limit: 200 },
                      PullResponse,
                    );
                    applyRemoteChanges(r.store, shuffle(page.changes, op.seed));
                    break;
                  }
                  case 'rebootstrap':
                    // A forced re-bootstrap from the (compacted) snapshot, keeping unpushed work.
                    r.store.transaction(() => {
                      r.store.sync.bootstrapped = false;
                      r.store.sync.cursor = 0;
                    });
                    await syncRound(r.store);
                    break;
                }
              } catch (e) {
                // Business-rule refusals (e.g. a payment on a paid invoice) are fine; anything else is a failure.
                if (!(
                  e instanceof Error &&
                  'code' in e &&
                  ['INVALID_TRANSITION', 'VALIDATION_FAILED', 'NOT_FOUND'].includes(String(e.code))
                ))
                  throw e;
              }
            }
            for (let pass = 0; pass < 2; pass++) for (const r of replicas) await syncRound(r.store);

            const first = replicas[0] as Replica;
            const content = replicaContent(first.store);
            const audits = auditIds(first.store);
            const derived = (r: Replica) =>
              r.services.billing
                .list(r.desk, { limit: 200 })
                .items.map((i) => ({ id: i.id, state: i.state }));
            const states = derived(first);
            for (const r of replicas.slice(1)) {
              expect(replicaContent(r.store)).toEqual(content);
              expect(auditIds(r.store)).toEqual(audits);
              // Derived statuses and balances are identical, since they come from identical rows.
              expect(derived(r)).toEqual(states);
            }
            // The list's derived state agrees with the invoice's own, and every payment taken is kept.
            for (const s of states)
              expect(first.services.billing.detail(first.desk, s.id).state).toEqual(s.state);
            for (const a of accepted) {
              const row = writableDb(first.store)
                .prepare(`SELECT _hlc, _clocks FROM ${a.table} WHERE id = ?`)
                .get(a.rowId) as { _hlc: string; _clocks: string } | undefined;
              expect(
                row,
                `${a.table} row written on a workstation reached every replica`,
              ).toBeDefined();
              const clock =
                (JSON.parse(row?._clocks ?? '{}') as Record<string, string>)[a.column] ??
                row?._hlc ??
                '';
              expect(
                clock >= a.hlc,
                `${a.table}.${a.column} kept its accepted write (or a later one)`,
              ).toBe(true);
            }
            for (const r of replicas) {
              const rows = writableDb(r.store)
                .prepare('SELECT id, signedAt, amendsRecordId FROM medical_records')
                .all() as { id: string; signedAt: string | null; amendsRecordId: string | null }[];
              const byId = new Map(rows.map((x) => [x.id, x]));
              for (const id of signedIds)
                expect(byId.get(id)?.signedAt, 'a signature is never lost').toBeTruthy();
              for (const a of amendments)
                expect(byId.get(a.id)?.amendsRecordId, 'every amendment is kept').toBe(a.amends);
            }
            for (const r of replicas)
              expect(
                writableDb(r.store).prepare('SELECT count(*) AS n FROM sync_outbox').get(),
              ).toEqual({
                n: 0,
              });
          } finally {
            for (const r of replicas) r.cleanup();
          }
        },
      ),
      { numRuns: 4 },
    );
  }, 240_000);
  it('keeps both offline replies to one conversation in the same order everywhere, and read marks converge', async () => {
    const [a, b] = (await makeReplicas(2)) as [Replica, Replica];
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
      expect(replicaContent(b.store)).toEqual(replicaContent(a.store));
    } finally {
      a.cleanup();
      b.cleanup();
    }
  }, 60_000);
});
