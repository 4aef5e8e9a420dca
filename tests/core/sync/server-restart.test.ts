// The sync server restarts in the middle of a workstation's push (after it
// stored a batch and before the workstation heard so), and on PostgreSQL the
// database drops every connection and refuses new ones for a moment, as a
// database restart looks to the server. The workstation's own scheduler
// retries with backoff and ends with everything stored exactly once: a second
// workstation of the clinic receives every patient and audit entry once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { SyncScheduler } from '../../../electron/core/sync/sync-scheduler';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { loadServerIdentity } from '../../../sync-server/src/pki/server-identity';
import { loadServerKey } from '../../../sync-server/src/secure/server-key';
import { startServer, type RunningServer } from '../../../sync-server/src/server';
import { createTempDatabase, type TempDatabase } from '../../server/helpers/pg';
import { patientInput } from '../fixtures';
import { tempDir, testWrapper } from '../helpers';
import { clinicWorld } from '../world';
import { auditRows, replicaContent } from './replicas';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

/** Enough patients for several push batches (a patient is one sealed change; 1,000 per batch). */
const PATIENTS = 2500;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(what: string, ok: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Makes the database drop every connection and refuse new ones for `ms`, then come back. */
async function databaseOutage(db: TempDatabase, ms: number): Promise<void> {
  const name = new URL(db.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: db.url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await new Promise((r) => setTimeout(r, ms));
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
  } finally {
    await admin.end();
  }
}

async function restartScenario(backend: 'sqlite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'ehrbs-restart-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const db = backend === 'postgres' ? await createTempDatabase() : null;
  if (db) cleanups.push(() => db.drop());
  const options = { dataDir, logLevel: 'silent' as const, ...(db ? { databaseUrl: db.url } : {}) };
  let server: RunningServer = await startServer({ ...options, port: 0 });
  const port = server.port;
  cleanups.push(() => server.close());

  const a = await clinicWorld();
  cleanups.push(() => a.close());
  await connectClinic(a.store, {
    serverUrl: server.url,
    fingerprint: server.caFingerprint,
    adminToken: server.newAdminToken ?? '',
    deviceName: 'Front desk',
  });
  await syncRound(a.store);
  const { code } = await createEnrollmentCode(a.store);
  const bDir = tempDir();
  const b: ClinicStore = await joinClinic(bDir.dir, testWrapper('restart-b-pass'), {
    serverUrl: server.url,
    fingerprint: server.caFingerprint,
    code,
    deviceName: 'Consulting room',
  });
  cleanups.push(() => (b.close(), bDir.cleanup()));
  await syncRound(b);

  // A's traffic goes through a proxy, so the test knows where in the push it is.
  const identity = a.store.sync.identity();
  if (!identity) throw new Error('not connected');
  const tls = (
    await loadServerIdentity(server.store, {
      dataDir,
      hosts: [],
      serverKey: loadServerKey({ dataDir }),
    })
  ).tls;
  const proxy: FaultProxy = await startFaultProxy({ serverUrl: server.url, tls, identity });
  cleanups.push(() => proxy.close());
  a.store.transaction(() => a.store.sync.saveIdentity({ ...identity, serverUrl: proxy.url }));

  for (let i = 0; i < PATIENTS; i++)
    a.services.patients.create(a.desk, patientInput({ givenName: `Restart${i}` }));

  const events: string[] = [];
  let pushes = 0;
  proxy.onRequest = (path) => {
    if (path !== '/v1/push') return { kind: 'forward' };
    pushes++;
    // The second batch: stored by the server, then the server goes away before answering.
    return pushes === 2 ? { kind: 'dropAfterServer' } : { kind: 'forward' };
  };
  proxy.afterServer = async (e) => {
    if (e.path !== '/v1/push') return;
    if (pushes === 2 && events.length === 0) {
      events.push('server restarted after storing a batch');
      await server.close();
      server = await startServer({ ...options, port });
    } else if (db && pushes === 3 && events.length === 1) {
      events.push('database outage after a batch');
      await databaseOutage(db, 1000);
    }
  };

  const scheduler = new SyncScheduler(a.store, { maxBackoffMs: 300, changeCheckMs: 100 });
  const errors = new Set<string>();
  cleanups.push(() => scheduler.stop());
  scheduler.start();
  await until('the outbox to drain', () => {
    if (scheduler.state.lastError) errors.add(scheduler.state.lastError);
    return a.store.outbox.pendingCount() === 0 && scheduler.state.lastError === null;
  });
  scheduler.stop();

  await syncRound(b);
  return { a, b, events, errors: [...errors], pushes };
}

describe.each(['sqlite', 'postgres'] as const)(
  'a %s sync server restarting mid-push',
  (backend) => {
    it('the workstation retries and everything is stored exactly once', async () => {
      const { a, b, events, errors, pushes } = await restartScenario(backend);
      expect(events).toEqual(
        backend === 'postgres'
          ? ['server restarted after storing a batch', 'database outage after a batch']
          : ['server restarted after storing a batch'],
      );
      // It did fail, and said so in one line, before it recovered.
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e).not.toMatch(/\n|at .*\.ts/);
      expect(pushes).toBeGreaterThan(3);
      expect(replicaContent(b)).toEqual(replicaContent(a.store));
      expect(auditRows(b)).toEqual(auditRows(a.store));
      const restarted = replicaContent(b).patients?.length ?? 0;
      expect(restarted).toBe(PATIENTS + 1);
    });
  },
);
