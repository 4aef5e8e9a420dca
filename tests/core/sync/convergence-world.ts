// The convergence property's world, generator and oracle, shared by
// tests/core/sync/convergence.property.test.ts (25 runs in `npm test`) and
// scripts/convergence.ts (larger runs).
//
// A run: 3 to 5 workstations of one clinic, each with its own encrypted store,
// on a fresh sync server (its own process state and data directory), make
// random creates, updates and deletes of every entity type (and the services'
// messaging, charting and billing operations) while partitioned, then sync in
// random orders over real HTTPS, with pushes duplicated, responses lost (the
// batch retried later), pulled pages applied out of order, and forced
// re-bootstraps from the server's compacted log.
//
// Enrolling workstations costs about 2 s per run (RSA keys, password hashes),
// so it is done once: `buildTemplate` enrolls five workstations on a server,
// syncs them and closes everything; each run copies those data directories
// (server and workstations) and starts a new server over the copy. Nothing of
// one run reaches another.
//
// Every write a workstation commits is recorded by a TEMP trigger on its
// outbox (every row of a multi-row mutation, and writes made by sync itself),
// inside the writing transaction, so a write that rolls back is not recorded.
// The oracle folds the template's converged cells and every recorded write:
// per cell, the write with the highest HLC must be what every replica holds.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { checkSignedContent } from '../../../electron/core/clinic/signed-content-check';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { servicesFor, type Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import { applyRemoteChanges } from '../../../electron/core/sync/apply-remote';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { nextPushBatch } from '../../../electron/core/sync/push-batch';
import { syncHttp, versions } from '../../../electron/core/sync/sync-http';
import { syncRound } from '../../../electron/core/sync/sync-round';
import type { SqlValue } from '../../../electron/core/store/row-codec';
import type { EntityTable } from '../../../shared/domain/entities';
import { PullResponse, PushResponse } from '../../../shared/sync/protocol';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { ADMIN_PASSWORD, tempDir, testWrapper } from '../helpers';
import { STAFF_PASSWORD } from '../fixtures';
import { clinicWorld } from '../world';
import { replicaState } from './replicas';
import {
  conversationKinds,
  converse,
  create,
  createKinds,
  liveIds,
  pickOf,
} from './convergence-ops';
import { cellsOf, oracle } from './convergence-oracle';

export const MAX_REPLICAS = 5;

interface Sessions {
  desk: Session;
  doctor: Session;
  admin: Session;
}

export interface Template {
  dir: string;
  /** Every cell of the converged template (the oracle's starting point). */
  baseline: Map<string, Cell>;
  sessions: Sessions[];
  cleanup(): void;
}

export interface Replica extends Sessions {
  store: ClinicStore;
  services: Services;
}

export interface World {
  server: TestServer;
  replicas: Replica[];
  close(): Promise<void>;
}

/** One cell's value (as SQLite holds it) and the HLC of the write that put it there. */
export interface Cell {
  hlc: string;
  value: SqlValue;
}

const serverDir = (root: string) => join(root, 'server');
const replicaDir = (root: string, i: number) => join(root, `ws${i}`);

/** Five workstations (or `count`) of one clinic, enrolled, logged in, synced, and closed: the start of every run. */
export async function buildTemplate(count = MAX_REPLICAS): Promise<Template> {
  const dir = mkdtempSync(join(tmpdir(), 'ehrbs-convergence-'));
  const server = await startTestServer({ dataDir: serverDir(dir) });
  const w = await clinicWorld();
  // Change kept as the patient's credit, so runs can pay invoices from credit (and overspend it).
  const change = w.services.billing.createInvoice(w.desk, {
    patientId: w.patient.id,
    paymentMethod: 'cash',
    lines: [{ description: 'Dressing', quantity: 1, unitPrice: 500 }],
    issue: true,
  });
  w.services.billing.recordPayment(w.desk, {
    billingId: change.id,
    amount: 5_000,
    method: 'cash',
    excessAsCredit: true,
  });
  const stores: ClinicStore[] = [w.store];
  const sessions: Sessions[] = [{ desk: w.desk, doctor: w.doctorSession, admin: w.admin }];
  const joined: { dir: string; cleanup: () => void }[] = [];
  try {
    await connectClinic(w.store, {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      adminToken: server.adminToken,
      deviceName: 'W0',
    });
    await syncRound(w.store);
    for (let i = 1; i < count; i++) {
      const { code } = await createEnrollmentCode(w.store);
      const t = tempDir();
      joined.push(t);
      const store = await joinClinic(t.dir, testWrapper(), {
        serverUrl: server.server.url,
        fingerprint: server.server.caFingerprint,
        code,
        deviceName: `W${i}`,
      });
      stores.push(store);
      await syncRound(store);
      const services = servicesFor(store);
      sessions.push({
        desk: await services.auth.login('desk@example.test', STAFF_PASSWORD),
        doctor: await services.auth.login('dr.house@example.test', STAFF_PASSWORD),
        admin: await services.auth.login('admin@example.test', ADMIN_PASSWORD),
      });
    }
    for (let pass = 0; pass < 2; pass++) for (const s of stores) await syncRound(s);
    const first = replicaState(w.store);
    for (const s of stores.slice(1)) assert.deepStrictEqual(replicaState(s), first);
    const baseline = cellsOf(w.store);
    for (const s of stores) s.close();
    cpSync(w.dir, replicaDir(dir, 0), { recursive: true });
    joined.forEach((t, i) => cpSync(t.dir, replicaDir(dir, i + 1), { recursive: true }));
    return {
      dir,
      baseline,
      sessions,
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } finally {
    for (const s of stores) s.close();
    await server.server.close();
    w.close();
    for (const t of joined) t.cleanup();
  }
}

const CAPTURE = `
  CREATE TEMP TABLE accepted_writes (n INTEGER PRIMARY KEY, tbl TEXT, rowId TEXT, hlc TEXT, columns TEXT);
  CREATE TEMP TRIGGER capture_accepted_writes AFTER INSERT ON main.sync_outbox BEGIN
    INSERT INTO accepted_writes (tbl, rowId, hlc, columns) VALUES (NEW.tbl, NEW.rowId, NEW.hlc, NEW.columns);
  END;`;

/** A copy of the template's first `count` workstations on a new server over a copy of its data. */
export async function openWorld(t: Template, count: number): Promise<World> {
  const root = mkdtempSync(join(tmpdir(), 'ehrbs-convergence-run-'));
  cpSync(serverDir(t.dir), serverDir(root), { recursive: true });
  let server: TestServer | null = null;
  const replicas: Replica[] = [];
  const close = async () => {
    for (const r of replicas) r.store.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    server = await startTestServer({ dataDir: serverDir(root) });
    for (let i = 0; i < count; i++) {
      cpSync(replicaDir(t.dir, i), replicaDir(root, i), { recursive: true });
      const store = await ClinicStore.open(replicaDir(root, i), testWrapper());
      const id = store.sync.identity();
      assert.ok(id, 'a template workstation is connected');
      // The copied server listens on a new port; the same CA and certificates.
      store.transaction(() =>
        store.sync.saveIdentity({ ...id, serverUrl: server?.server.url ?? '' }),
      );
      writableDb(store).exec(CAPTURE);
      replicas.push({ store, services: servicesFor(store), ...(t.sessions[i] as Sessions) });
    }
    return { server, replicas, close };
  } catch (e) {
    await close();
    throw e;
  }
}

// ---------------------------------------------------------------- operations

export type Op =
  | { t: 'edit'; ws: number; table: EntityTable; pick: number; n: number }
  | { t: 'create'; ws: number; kind: (typeof createKinds)[number]; pick: number; n: number }
  | { t: 'delete'; ws: number; table: 'patients' | 'appointments' | 'messages'; pick: number }
  | { t: 'converse'; ws: number; kind: (typeof conversationKinds)[number]; pick: number; n: number }
  | { t: 'signRecord' | 'amendRecord'; ws: number; pick: number; n: number }
  | { t: 'sync' | 'dupPush' | 'lostAck' | 'pullShuffled'; ws: number; seed: number }
  | { t: 'rebootstrap'; ws: number };

const at = (n: number) => new Date(1_800_000_000_000 + n * 1000).toISOString();

/** One column per table that a generic update may change; a new table fails to compile until it is here. */
const editable: Record<EntityTable, (n: number) => [string, unknown]> = {
  // Half the clinic edits switch the vitals units (migration 014): per-cell LWW beside the idle lock.
  tenants: (n) =>
    n % 2
      ? ['idleLockMinutes', 1 + (n % 60)]
      : ['unitSystem', (['metric', 'imperial'] as const)[(n / 2) % 2]],
  users: (n) => ['displayName', `Staff ${n}`],
  devices: (n) => ['name', `Workstation ${n}`],
  doctors: (n) => ['experienceYears', n % 50],
  // Half the patient edits set the sensitive flag (migration 010): per-cell LWW beside phone edits.
  patients: (n) =>
    n % 2
      ? ['phone', `0${n}`]
      : ['sensitivity', (['none', 'staff', 'vip', 'protected'] as const)[(n / 2) % 4]],
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
  medical_records: (n) => ['recordedAt', at(n)],
  messages: (n) => ['readAt', at(n)],
  billing: (n) => [
    'paymentMethod',
    (['cash', 'card', 'insurance', 'bank_transfer'] as const)[n % 4],
  ],
  invoice_line_items: (n) => ['description', `Item ${n}`],
  payments: (n) => ['reference', `ref ${n}`],
  conversations: (n) => ['startedAt', at(n)],
  conversation_members: (n) => ['createdAt', new Date(1_800_000_000_000 + n).toISOString()],
  message_marks: (n) => ['at', at(n)],
  refunds: (n) => ['reason', `reason ${n}`],
  price_items: (n) => ['price', 100 + n],
  day_closes: (n) => ['note', `note ${n}`],
  // Never edited by the app (a dismissal is created or tombstoned): an owned column, so a no-op edit.
  duplicate_dismissals: (n) => ['createdAt', new Date(1_800_000_000_000 + n).toISOString()],
  // Insert-only in the app (migration 013); no world op creates them, so these never run.
  documents: (n) => ['sizeBytes', 1 + n],
  document_chunks: (n) => ['chunkIndex', n],
  // Never edited by the app (created, or an applied one tombstoned): an owned column, a no-op edit.
  patient_credits: (n) => ['createdAt', new Date(1_800_000_000_000 + n).toISOString()],
};
const tables = Object.keys(editable) as EntityTable[];

export const opArb = (wsCount: number): fc.Arbitrary<Op> => {
  const ws = fc.nat(wsCount - 1);
  const pick = fc.nat(50);
  const n = fc.nat(1000);
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        t: fc.constant('edit' as const),
        ws,
        table: fc.constantFrom(...tables),
        pick,
        n,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        t: fc.constant('create' as const),
        ws,
        kind: fc.constantFrom(...createKinds),
        pick,
        n,
      }),
    },
    {
      // Money on invoices again: payments and credit only conflict when they are frequent.
      weight: 2,
      arbitrary: fc.record({
        t: fc.constant('create' as const),
        ws,
        kind: fc.constantFrom(
          'payment' as const,
          'keepCredit' as const,
          'payFromCredit' as const,
          'undoCredit' as const,
        ),
        pick,
        n,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('delete' as const),
        ws,
        table: fc.constantFrom('patients' as const, 'appointments' as const, 'messages' as const),
        pick,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        t: fc.constant('converse' as const),
        ws,
        kind: fc.constantFrom(...conversationKinds),
        pick,
        n,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        t: fc.constantFrom('signRecord' as const, 'amendRecord' as const),
        ws,
        pick,
        n,
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
    { weight: 1, arbitrary: fc.record({ t: fc.constant('rebootstrap' as const), ws }) },
  );
};

/** A workload: the number of workstations and what they do. */
export const workloadArb = (maxOps = 40): fc.Arbitrary<[number, Op[]]> =>
  fc
    .integer({ min: 3, max: MAX_REPLICAS })
    .chain((count) =>
      fc.tuple(fc.constant(count), fc.array(opArb(count), { minLength: 10, maxLength: maxOps })),
    );

type UserOp = Exclude<Op, { t: 'sync' | 'dupPush' | 'lostAck' | 'pullShuffled' | 'rebootstrap' }>;
const money = ['INVALID_TRANSITION', 'VALIDATION_FAILED'] as const;

/**
 * The refusals each user operation may meet in a partitioned clinic, by the
 * business rules (a payment or a void on an invoice paid elsewhere, a signed
 * record signed again, an amendment of an unsigned record or of a deleted
 * patient's, "handled" on a conversation that is not a shared inbox, an edit of
 * a row only partly synced). Anything else, and any error of a sync operation,
 * fails the run. scripts/convergence.ts prints how often each one happened.
 */
const expectedRefusals = {
  edit: ['VALIDATION_FAILED'],
  delete: ['VALIDATION_FAILED'],
  signRecord: ['INVALID_TRANSITION'],
  amendRecord: ['INVALID_TRANSITION', 'NOT_FOUND'],
  'create/patient': [],
  'create/appointment': [],
  'create/message': [],
  'create/invoice': [],
  'create/record': [],
  'create/payment': money,
  'create/refund': money,
  'create/void': ['INVALID_TRANSITION'],
  'create/close': money,
  'create/keepCredit': money,
  'create/payFromCredit': money,
  'create/undoCredit': [],
  'create/price': ['VALIDATION_FAILED'],
  'create/dismissal': [],
  'converse/toInbox': [],
  'converse/reply': [],
  'converse/markRead': [],
  'converse/markHandled': ['INVALID_TRANSITION'],
} satisfies Record<string, readonly string[]>;

const refusalKey = (op: UserOp): keyof typeof expectedRefusals =>
  op.t === 'create' ? `create/${op.kind}` : op.t === 'converse' ? `converse/${op.kind}` : op.t;

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

export interface RunLog {
  /** User operations refused, with the error code (each an expected domain refusal). */
  refused: { index: number; op: Op['t']; kind: string; code: string }[];
  /** User operations that committed at least one write. */
  accepted: number;
  /** Signatures and amendments made, which must survive every merge. */
  signed: Set<string>;
  amendments: { id: string; amends: string }[];
}

const capturedCount = (r: Replica) =>
  (
    writableDb(r.store).prepare('SELECT count(*) AS n FROM temp.accepted_writes').get() as {
      n: number;
    }
  ).n;

const errorCode = (e: unknown): string | null =>
  e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : null;

/** Runs the workload. Sync operations are never caught; user operations only for their expected refusals. */
export async function runOps(world: World, ops: readonly Op[]): Promise<RunLog> {
  const log: RunLog = { refused: [], accepted: 0, signed: new Set(), amendments: [] };
  const lastPushed = new Map<number, unknown>();
  for (const [index, op] of ops.entries()) {
    const r = world.replicas[op.ws] as Replica;
    const http = () => {
      const id = r.store.sync.identity();
      assert.ok(id, 'connected');
      return syncHttp(id.serverUrl, { ca: id.caPem, cert: id.certPem, key: id.keyPem });
    };
    switch (op.t) {
      case 'sync':
        await syncRound(r.store);
        break;
      case 'dupPush': {
        const body = lastPushed.get(op.ws);
        if (body) {
          const res = await http().post('/v1/push', body, PushResponse);
          assert.equal(res.accepted, 0, 'a retried batch adds nothing');
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
        const page = await http().post(
          '/v1/pull',
          { ...versions, sentAt: Date.now(), after: r.store.sync.cursor, limit: 200 },
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
      default: {
        const before = capturedCount(r);
        try {
          userOp(r, op, log);
        } catch (e) {
          const code = errorCode(e);
          const allowed: readonly string[] = expectedRefusals[refusalKey(op)];
          if (!code || !allowed.includes(code)) throw e;
          log.refused.push({
            index,
            op: op.t,
            kind: 'kind' in op ? op.kind : 'table' in op ? op.table : '',
            code,
          });
          assert.equal(capturedCount(r), before, `refused ${op.t} (${code}) wrote nothing`);
          break;
        }
        if (capturedCount(r) > before) log.accepted++;
      }
    }
  }
  return log;
}

function userOp(r: Replica, op: UserOp, log: RunLog): void {
  switch (op.t) {
    case 'edit': {
      const id = pickOf(liveIds(r, op.table), op.pick);
      if (!id) return;
      const [column, value] = editable[op.table](op.n);
      r.store.write(r.admin.actor, {
        kind: 'update',
        table: op.table,
        id,
        values: { [column]: value },
      });
      return;
    }
    case 'delete': {
      const id = pickOf(liveIds(r, op.table), op.pick);
      if (id) r.store.write(r.admin.actor, { kind: 'delete', table: op.table, id });
      return;
    }
    case 'signRecord':
    case 'amendRecord': {
      const id = pickOf(liveIds(r, 'medical_records'), op.pick);
      if (!id) return;
      if (op.t === 'signRecord') {
        r.services.records.sign(r.doctor, id);
        log.signed.add(id);
      } else {
        const a = r.services.records.amend(r.doctor, id, { text: `a${op.n}` });
        log.amendments.push({ id: a.id, amends: id });
      }
      return;
    }
    case 'converse':
      return converse(r, op);
    case 'create':
      return create(r, op);
  }
}

/**
 * After everyone synced twice: every replica holds the same state (values,
 * per-cell clocks, full audit rows), nothing is left to push, every cell is
 * the oracle's winner and no cell was written that no accepted write wrote.
 */
export async function settleAndCheck(t: Template, world: World, log: RunLog): Promise<void> {
  for (let pass = 0; pass < 2; pass++) for (const r of world.replicas) await syncRound(r.store);
  const [first, ...others] = world.replicas as [Replica, ...Replica[]];
  const state = replicaState(first.store);
  for (const r of others)
    assert.deepStrictEqual(replicaState(r.store), state, 'replicas are identical');
  for (const r of world.replicas)
    assert.equal(r.store.outbox.pendingCount(), 0, 'nothing left to push');

  const expected = oracle(t, world);
  const actual = cellsOf(first.store);
  const missing = [...expected.keys()].filter((k) => !actual.has(k));
  const extra = [...actual.keys()].filter((k) => !expected.has(k));
  assert.deepStrictEqual(
    { missing, extra },
    { missing: [], extra: [] },
    'the replicas hold exactly the written cells',
  );
  for (const [k, cell] of expected)
    assert.deepStrictEqual(
      actual.get(k),
      cell,
      `${k.replaceAll('\u0000', '.')}: the write with the highest HLC wins`,
    );

  // Derived statuses and balances are identical, since they come from identical rows.
  const derived = (r: Replica) =>
    r.services.billing
      .list(r.desk, { limit: 200 })
      .items.map((i) => ({ id: i.id, state: i.state }));
  const states = derived(first);
  for (const r of others)
    assert.deepStrictEqual(derived(r), states, 'derived invoice states agree');
  for (const s of states)
    assert.deepStrictEqual(
      first.services.billing.detail(first.desk, s.id).state,
      s.state,
      'list and detail agree',
    );
  // Every patient's balance and available credit (derived) agree (the cells check above keeps
  // every credit movement).
  const accounts = (r: Replica) =>
    writableDb(r.store)
      .prepare(
        `SELECT patientId, sum(balance - overpaid + fromCredit) AS owed,
           sum(credit - fromCredit) AS credit FROM invoice_money
         WHERE issuedAt IS NOT NULL GROUP BY patientId ORDER BY patientId`,
      )
      .all();
  const firstAccounts = accounts(first);
  for (const r of others)
    assert.deepStrictEqual(accounts(r), firstAccounts, 'patient balances and credit agree');

  // Charting: every signature and every amendment, wherever it was made, survives the merge.
  for (const r of world.replicas) {
    const rows = writableDb(r.store)
      .prepare('SELECT id, signedAt, amendsRecordId FROM medical_records')
      .all() as { id: string; signedAt: string | null; amendsRecordId: string | null }[];
    const byId = new Map(rows.map((x) => [x.id, x]));
    for (const id of log.signed)
      assert.equal(typeof byId.get(id)?.signedAt, 'string', 'a signature is never lost');
    for (const a of log.amendments)
      assert.equal(byId.get(a.id)?.amendsRecordId, a.amends, 'every amendment is kept');
    // Every signed record's content still matches the hash its signature stored, on every replica.
    const signed = checkSignedContent(r.store);
    assert.deepStrictEqual(signed.mismatched, [], 'signed content matches its hash');
    assert.equal(signed.unhashed, 0, 'every signature carries a content hash');
    assert.equal(signed.checked, rows.filter((x) => x.signedAt !== null).length);
  }
}

/** One run of the property: a fresh world, the workload, the checks. */
export async function convergenceRun(
  t: Template,
  count: number,
  ops: readonly Op[],
): Promise<RunLog> {
  const world = await openWorld(t, count);
  try {
    const log = await runOps(world, ops);
    await settleAndCheck(t, world, log);
    return log;
  } finally {
    await world.close();
  }
}
