// kill -9 of the server while it applies a push, then a restart and the
// client's retry of the same batch, on SQLite and on PostgreSQL. The server
// runs with its push fault hook (EHRBS_TEST_PUSH_PAUSE,
// sync-server/src/store/push-fault.ts): inside the push transaction, nothing
// committed, it reports where it is and stops there, and the kill lands at
// that point (SQLite: the batch's changes written, its audit entries not yet;
// PostgreSQL: the whole batch written by its one statement, before COMMIT,
// which the test also sees from outside: the server's connection idle in a
// transaction holding the clinic's row lock, and no row visible).
// After the restart nothing of the batch is stored; the retry stores every
// change and audit entry exactly once, with a gap-free sequence.
// (Counted with the server's metrics: a workstation's own pull skips its own items.)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { newWorkstationKey, versions, Workstation } from './helpers/client';
import { FakeDevice } from './helpers/fixtures';
import { createTempDatabase } from './helpers/pg';
import { spawnServer, type ServerProcess } from './helpers/process';

const token = randomUUID();
let server: ServerProcess | null = null;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  await server?.stop();
  server = null;
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Waits (without a time limit of its own: the test's timeout applies) for the server to reach the hook. */
async function pausedAt(marker: string): Promise<unknown> {
  while (!existsSync(marker)) {
    if (server?.child.exitCode !== null) throw new Error(`the server exited: ${server?.output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return JSON.parse(readFileSync(marker, 'utf8'));
}

/** Seen from another connection while the server is paused: its transaction is open, holds the clinic's row, and shows nothing. */
async function openTransactionSeenFromOutside(url: string, tenantId: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const idle = await c.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'",
    );
    const visible = await c.query('SELECT count(*)::int AS n FROM changes');
    const lock = await c
      .query('SELECT 1 FROM tenants WHERE id = $1 FOR UPDATE NOWAIT', [tenantId])
      .then(
        () => 'free',
        (e: { code?: string }) => e.code,
      );
    return {
      idleInTransaction: (idle.rows[0] as { n: number }).n,
      changesVisible: (visible.rows[0] as { n: number }).n,
      tenantRow: lock,
    };
  } finally {
    await c.end();
  }
}

describe.each(['sqlite', 'postgres'] as const)('a push on %s', (backend) => {
  it('loses and duplicates nothing when the server dies inside the push transaction', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ehrbs-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const db = backend === 'postgres' ? await createTempDatabase() : null;
    if (db) cleanups.push(() => db.drop());
    const marker = join(dataDir, 'push-paused.json');
    const start = async (env: Record<string, string> = {}) => {
      server = spawnServer(['--data', dataDir, ...(db ? ['--database-url', db.url] : [])], {
        EHRBS_SERVER_TOKEN: token,
        ...env,
      });
      return (await server.waitFor(/listening on (https:\/\/\S+)/))[1] ?? '';
    };
    let url = await start({ EHRBS_TEST_PUSH_PAUSE: marker });
    const caPem = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
    const key = newWorkstationKey();
    const tenantId = randomUUID();
    const deviceId = randomUUID();
    const reg = await new Workstation(url, caPem).post(
      '/v1/clinics',
      { ...versions, tenantId, clinicName: 'C', deviceId, deviceName: 'D', csr: key.csrPem },
      { authorization: `Bearer ${token}` },
    );
    const credentials = { certPem: String(reg.data.certificate), keyPem: key.keyPem };
    const dev = new FakeDevice(tenantId, deviceId);
    const batch = {
      ...versions,
      batchId: randomUUID(),
      sentAt: Date.now(),
      changes: Array.from({ length: 1000 }, () =>
        dev.rowChange('patients', randomUUID(), { givenName: 'g', familyName: 'f', notes: 'n' }),
      ),
      audit: Array.from({ length: 50 }, () => dev.audit()),
    };

    const inFlight = new Workstation(url, caPem, credentials)
      .post('/v1/push', batch)
      .then((res) => res.status)
      .catch(() => 'no response');
    if (db) {
      // The kill lands inside the transaction: the whole batch written by its statement, no commit.
      expect(await pausedAt(marker)).toEqual({
        step: 'batch-written-uncommitted',
        changes: 1000,
        audit: 50,
        pid: server?.child.pid,
      });
      expect(await openTransactionSeenFromOutside(db.url, tenantId)).toEqual({
        idleInTransaction: 1,
        changesVisible: 0,
        tenantRow: '55P03', // lock_not_available: the paused push holds it
      });
    } else {
      // The kill lands inside the transaction: all 1,000 changes written, no audit entry, no commit.
      expect(await pausedAt(marker)).toEqual({
        step: 'changes-written',
        changes: 1000,
        pid: server?.child.pid,
      });
    }
    server?.child.kill('SIGKILL');
    expect(await inFlight).toBe('no response');

    url = await start();
    const metrics = async () =>
      (
        await new Workstation(url, caPem).get('/v1/metrics', {
          authorization: `Bearer ${token}`,
        })
      ).data;
    // Nothing half-applied: the written changes went with the uncommitted transaction.
    expect(await metrics()).toMatchObject({ changes: 0, auditEntries: 0 });
    const ws = new Workstation(url, caPem, credentials);
    const retried = await ws.post('/v1/push', batch);
    expect(retried.status).toBe(200);
    expect(retried.data).toMatchObject({ accepted: 1050, duplicates: 0, serverSeq: 1050 });

    let after = 0;
    let changes = 0;
    let audit = 0;
    for (;;) {
      const page = await ws.post('/v1/pull', {
        ...versions,
        sentAt: Date.now(),
        after,
        limit: 5000,
      });
      changes += (page.data.changes as unknown[]).length;
      audit += (page.data.audit as unknown[]).length;
      after = Number(page.data.nextCursor);
      if (!page.data.hasMore) break;
    }
    // No echo: the device's own pull passes over its items, and its cursor ends past all of them.
    expect({ changes, audit, after }).toEqual({ changes: 0, audit: 0, after: 1050 });
    expect(await metrics()).toMatchObject({ changes: 1000, auditEntries: 50 });
  });
});
