// Tail truncation of an audit chain, seen from the other copy. A hash chain
// proves order, not completeness: cutting a device's newest entries leaves a
// shorter chain that still verifies. The sync server returns every device's
// chain tip (its latest acknowledged entry) on the last pull page, and each
// workstation cross-checks: entries the server acknowledged that are gone
// here, or entries held here that the server lost, are reported in the sync
// status and by `ehrbs verify` (exit 3, one line). Two real workstations
// (the app core through its dispatch), a real sync server (SQLite and
// PostgreSQL), and the real `ehrbs` command.
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { verifyAuditChains } from '../../../electron/core/audit/verify-chain';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import type { SyncStatus } from '../../../shared/api/sync-status';
import { SQLITE_FILE } from '../../../sync-server/src/store/sqlite-store';
import { createTempDatabase, type TempDatabase } from '../../server/helpers/pg';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { expectOneErrorLine, runCli } from '../cli/cli-harness';
import { patientInput } from '../fixtures';
import { coreApps, HARBOUR_CLINIC } from '../helpers';

async function ok<N extends ChannelName>(
  app: CoreApp,
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const res = await app.dispatch(channel, request);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as ApiResponse<N>;
}

const apps = coreApps();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  apps.closeAll();
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Backend = 'sqlite' | 'postgres';

interface Clinic {
  server: TestServer;
  db: TempDatabase | null;
  a: CoreApp;
  b: CoreApp;
  aStore: ClinicStore;
  bStore: ClinicStore;
  /** One sync round on a workstation through `sync.now` (the scheduler's own timer is stopped). */
  sync(app: CoreApp): Promise<SyncStatus>;
}

/** A clinic on workstations A and B, both synced, each with audited work the other has pulled. */
async function clinicOnTwo(backend: Backend = 'sqlite'): Promise<Clinic> {
  const db = backend === 'postgres' ? await createTempDatabase() : null;
  const server = await startTestServer(db ? { databaseUrl: db.url } : {});
  cleanups.push(async () => {
    await server.stop();
    await db?.drop();
  });
  const target = { serverUrl: server.server.url, fingerprint: server.server.caFingerprint };
  const a = await apps.start();
  await ok(a, 'setup.createClinic', HARBOUR_CLINIC);
  await ok(a, 'sync.connect', { ...target, adminToken: server.adminToken, deviceName: 'Desk' });
  const { code } = await ok(a, 'sync.enrollmentCode', {});
  const b = await apps.start();
  await ok(b, 'setup.joinClinic', { ...target, code, deviceName: 'Consulting room' });
  // Rounds run only when the test asks, so each assertion follows a known round.
  for (const app of [a, b]) {
    await vi.waitFor(
      () => {
        const s = app.workstation.scheduler?.state;
        expect(s?.lastSyncAt).not.toBeNull();
        expect(s?.running).toBe(false);
      },
      { timeout: 30_000, interval: 50 },
    );
    app.workstation.scheduler?.stop();
  }
  const login = { email: HARBOUR_CLINIC.adminEmail, password: HARBOUR_CLINIC.adminPassword };
  await ok(b, 'session.login', login);
  await ok(a, 'session.login', login);
  const sync = (app: CoreApp) => ok(app, 'sync.now', {});
  await ok(a, 'patients.create', patientInput({ familyName: 'Okafor' }));
  await sync(a);
  await ok(b, 'patients.create', patientInput({ familyName: 'Lindqvist' }));
  await sync(b);
  await sync(a);
  await sync(b);
  const aStore = a.workstation.requireStore();
  const bStore = b.workstation.requireStore();
  return { server, db, a, b, aStore, bStore, sync };
}

/** The newest entry of a device's chain held by a store (0 for none). */
const newest = (store: ClinicStore, deviceId: string): number =>
  (
    store.read
      .prepare('SELECT coalesce(max(deviceSeq), 0) AS n FROM audit_logs WHERE deviceId = ?')
      .get(deviceId) as { n: number }
  ).n;

/** What the server acknowledged of a device's chain, as this workstation last heard it. */
const tipOf = (store: ClinicStore, deviceId: string) =>
  store.sync.auditTips?.find((t) => t.deviceId === deviceId);

/** Deletes a device's audit entries after `keep` in the server's database, as someone with access to it could. */
async function cutServerChain(c: Clinic, deviceId: string, keep: number): Promise<number> {
  if (c.db) {
    const client = new pg.Client({ connectionString: c.db.url });
    await client.connect();
    try {
      const r = await client.query('DELETE FROM audit WHERE device_id = $1 AND device_seq > $2', [
        deviceId,
        keep,
      ]);
      return r.rowCount ?? 0;
    } finally {
      await client.end();
    }
  }
  const db = new Database(join(c.server.dataDir, SQLITE_FILE));
  try {
    return db
      .prepare('DELETE FROM audit WHERE device_id = ? AND device_seq > ?')
      .run(deviceId, keep).changes;
  } finally {
    db.close();
  }
}

describe('audit chain tips across workstations', { timeout: 120_000 }, () => {
  it('normal sync: every chain matches the tips the server acknowledged, no warning, verify exits 0', async () => {
    const c = await clinicOnTwo();
    const statusA = await c.sync(c.a);
    const statusB = await c.sync(c.b);
    expect(statusA.auditWarning).toBeNull();
    expect(statusB.auditWarning).toBeNull();
    // B's tips name both chains, and B holds A's tip entry with the same hash.
    const aTip = tipOf(c.bStore, c.aStore.deviceId);
    const bTip = tipOf(c.bStore, c.bStore.deviceId);
    expect(aTip?.deviceSeq).toBe(c.aStore.sync.auditPushedSeq);
    expect(bTip?.deviceSeq).toBe(c.bStore.sync.auditPushedSeq);
    const hashOn = (store: ClinicStore, deviceId: string, seq: number) =>
      (
        store.read
          .prepare('SELECT hash FROM audit_logs WHERE deviceId = ? AND deviceSeq = ?')
          .get(deviceId, seq) as { hash: string } | undefined
      )?.hash;
    expect(hashOn(c.bStore, c.aStore.deviceId, aTip?.deviceSeq ?? 0)).toBe(aTip?.hash);
    for (const store of [c.aStore, c.bStore]) {
      const r = await runCli(['verify', '--data', store.dataDir]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Store intact: .* 2 device chain\(s\) verified[,.]/);
    }
  });

  it("A's newest entries deleted on B after B pulled them: B's verify exits 3 with one line, and B's sync status says so", async () => {
    const c = await clinicOnTwo();
    const aId = c.aStore.deviceId;
    const held = newest(c.bStore, aId);
    expect(held).toBeGreaterThan(3);
    expect(tipOf(c.bStore, aId)?.deviceSeq).toBe(held);
    writableDb(c.bStore)
      .prepare('DELETE FROM audit_logs WHERE deviceId = ? AND deviceSeq > ?')
      .run(aId, held - 2);
    // The shortened chain still verifies on its own: only the tip shows the cut.
    expect(verifyAuditChains(c.bStore.read).breaks).toEqual([]);

    const r = await runCli(['verify', '--data', c.bStore.dataDir]);
    expect(r.code).toBe(3);
    const missing = `The audit log of workstation ${aId.slice(0, 8)} does not match what the sync server acknowledged: entries ${held - 1} to ${held} are missing here`;
    expect(expectOneErrorLine(r)).toContain(`ehrbs: ${missing}`);

    const status = await c.sync(c.b);
    expect(status.auditWarning).toContain(missing);
    // Nothing re-delivers them (B's cursor is past them), so the next round says so again.
    expect((await c.sync(c.b)).auditWarning).toContain(missing);
    // A's own copy is whole: A sees nothing wrong.
    expect((await c.sync(c.a)).auditWarning).toBeNull();
  });

  for (const backend of ['sqlite', 'postgres'] as const) {
    it(`a server whose copy of A's chain was cut back (${backend}) is reported by B and by A, which hold the later entries`, async () => {
      const c = await clinicOnTwo(backend);
      const aId = c.aStore.deviceId;
      const acknowledged = c.aStore.sync.auditPushedSeq;
      expect(newest(c.bStore, aId)).toBe(acknowledged);
      expect(await cutServerChain(c, aId, acknowledged - 2)).toBe(2);
      const rolledBack = `The audit log of workstation ${aId.slice(0, 8)} does not match what the sync server acknowledged: the server holds it only up to entry ${acknowledged - 2}, but entries up to ${acknowledged} were stored there before`;

      const statusB = await c.sync(c.b);
      expect(statusB.auditWarning).toContain(rolledBack);
      const r = await runCli(['verify', '--data', c.bStore.dataDir]);
      expect(r.code).toBe(3);
      expect(expectOneErrorLine(r)).toContain(`ehrbs: ${rolledBack}`);

      // New work on A: its entries follow entries the server no longer has, so the server refuses
      // the push (they would not link); the round still pulls, and A's status names its own chain.
      await ok(c.a, 'patients.create', patientInput({ familyName: 'Achterberg' }));
      const statusA = await c.sync(c.a);
      expect(statusA.pendingChanges).toBeGreaterThan(0);
      expect(statusA.auditWarning).toContain(
        `The audit log of this workstation does not match what the sync server acknowledged: the server holds it only up to entry ${acknowledged - 2}, but entries up to ${acknowledged} were stored there before`,
      );
    });
  }
});
