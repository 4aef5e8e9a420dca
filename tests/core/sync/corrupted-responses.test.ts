// A workstation that gets a damaged or foreign answer from "the sync server"
// (a proxy in the middle, with the server's own certificate) refuses it,
// writes nothing from it, and says so in one clear line; once the answers are
// good again, the next round completes and nothing was lost or doubled.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { loadServerIdentity } from '../../../sync-server/src/pki/server-identity';
import { loadServerKey } from '../../../sync-server/src/secure/server-key';
import type { SyncIdentity } from '../../../electron/core/store/sync-state';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { patientInput } from '../fixtures';
import { clinicWorld } from '../world';
import { replicaContent } from './replicas';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy';
import { servicesFor } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import { repositories } from '../../../electron/core/repos/repositories';
import { ADMIN_PASSWORD, tempDir, testWrapper } from '../helpers';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';

type World = Awaited<ReturnType<typeof clinicWorld>>;

/** Everything a round could change: rows, the audit log, the outbox and the pull cursor. */
function footprint(store: ClinicStore) {
  const db = writableDb(store);
  const audit = (db.prepare('SELECT count(*) AS n FROM audit_logs').get() as { n: number }).n;
  return {
    rows: replicaContent(store),
    audit,
    outbox: store.outbox.pendingCount(),
    cursor: store.sync.cursor,
  };
}

async function refusal(store: ClinicStore): Promise<AppError> {
  const e: unknown = await syncRound(store).then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

/** Patients with this given name, read through the real (decrypting) repository. */
const named = (store: ClinicStore, givenName: string): number =>
  repositories(store)
    .patients.list(store.tenantId ?? '')
    .filter((p) => p.givenName === givenName).length;

describe('corrupted answers from the sync server', () => {
  let server: TestServer;
  let a: World;
  let b: World;
  let a2: { store: ClinicStore; services: ReturnType<typeof servicesFor>; cleanup: () => void };
  let a2Admin: Session;
  let proxy: FaultProxy;
  let bIdentity: SyncIdentity;

  beforeAll(async () => {
    server = await startTestServer();
    [a, b] = [await clinicWorld(), await clinicWorld()];
    for (const w of [a, b]) {
      await connectClinic(w.store, {
        serverUrl: server.server.url,
        fingerprint: server.server.caFingerprint,
        adminToken: server.adminToken,
        deviceName: 'Front desk',
      });
      await syncRound(w.store);
    }
    // A second workstation of clinic A, to put something on the server for A to pull.
    const { code } = await createEnrollmentCode(a.store);
    const dir = tempDir();
    const store = await joinClinic(dir.dir, testWrapper('a2-passphrase'), {
      serverUrl: server.server.url,
      fingerprint: server.server.caFingerprint,
      code,
      deviceName: 'Consulting room',
    });
    await syncRound(store);
    const services = servicesFor(store, repositories(store));
    a2 = { store, services, cleanup: () => (store.close(), dir.cleanup()) };
    a2Admin = await services.auth.login('admin@example.test', ADMIN_PASSWORD);

    const identity = await loadServerIdentity(server.server.store, {
      dataDir: server.dataDir,
      hosts: [],
      serverKey: loadServerKey({ dataDir: server.dataDir }),
    });
    const aIdentity = a.store.sync.identity();
    const bId = b.store.sync.identity();
    if (!aIdentity || !bId) throw new Error('not connected');
    bIdentity = bId;
    proxy = await startFaultProxy({
      serverUrl: server.server.url,
      tls: identity.tls,
      identity: aIdentity,
    });
    // From now on workstation A talks to the server through the proxy.
    a.store.transaction(() => a.store.sync.saveIdentity({ ...aIdentity, serverUrl: proxy.url }));
  });

  afterAll(async () => {
    await proxy?.close();
    a.close();
    b.close();
    a2.cleanup();
    await server.stop();
  });

  beforeEach(() => {
    proxy.onRequest = () => ({ kind: 'forward' });
  });

  /** Replaces the answer to one route; everything else goes through. */
  const onRoute = (route: string, fault: Fault) => {
    proxy.onRequest = (path) => (path === route ? fault : { kind: 'forward' });
  };

  /**
   * Puts a new patient of clinic A (from its second workstation) and one of clinic B on
   * the server, lets the pull go wrong in the given way, and checks that nothing changed;
   * then, with good answers again, that one round brings the patient exactly once.
   */
  const refusedPull = async (fault: Fault, name: string): Promise<AppError> => {
    await syncRound(a.store);
    a2.services.patients.create(a2Admin, patientInput({ givenName: name }));
    await syncRound(a2.store);
    b.services.patients.create(b.desk, patientInput({ givenName: `${name}-of-b` }));
    await syncRound(b.store);
    onRoute('/v1/pull', fault);
    const before = footprint(a.store);
    const e = await refusal(a.store);
    expect(footprint(a.store)).toEqual(before);
    expect(named(a.store, name)).toBe(0);

    proxy.onRequest = () => ({ kind: 'forward' });
    await syncRound(a.store);
    expect(named(a.store, name)).toBe(1);
    expect(named(a.store, `${name}-of-b`)).toBe(0);
    return e;
  };

  it('a truncated pull page is refused and nothing of it is written', async () => {
    const e = await refusedPull({ kind: 'replace', body: '{"changes":[{"table":"pat' }, 'Tru');
    expect(e.code).toBe('INTEGRITY_FAILED');
    expect(e.message).toBe(
      'The sync server sent an answer this workstation could not read, so nothing from it was used. Sync will try again.',
    );
  });

  it('well-formed JSON of the wrong shape is refused and nothing of it is written', async () => {
    const body = JSON.stringify({ changes: 'all', audit: [], nextCursor: -1, hasMore: false });
    const e = await refusedPull({ kind: 'replace', body }, 'Shape');
    expect(e.code).toBe('INTEGRITY_FAILED');
  });

  it("another clinic's valid answer is refused and nothing of it is written", async () => {
    const e = await refusedPull(
      { kind: 'forwardAs', identity: bIdentity, tenantId: b.store.tenantId ?? '' },
      'Foreign',
    );
    expect(e.code).toBe('INTEGRITY_FAILED');
    expect(e.message).toMatch(/another clinic/);
  });

  it('a damaged answer to a push keeps the outbox, and the retry stores it once', async () => {
    a.services.patients.create(a.desk, patientInput({ givenName: 'Pushed' }));
    onRoute('/v1/push', { kind: 'replace', body: '<html>502 Bad Gateway</html>' });
    const pending = a.store.outbox.pendingCount();
    expect(pending).toBeGreaterThan(0);
    const e = await refusal(a.store);
    expect(e.code).toBe('INTEGRITY_FAILED');
    expect(a.store.outbox.pendingCount()).toBe(pending);

    proxy.onRequest = () => ({ kind: 'forward' });
    await syncRound(a.store);
    expect(a.store.outbox.pendingCount()).toBe(0);
    await syncRound(a2.store);
    expect(named(a2.store, 'Pushed')).toBe(1);
  });
});
