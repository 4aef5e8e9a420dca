// Every route a workstation certificate guards refuses a request without one,
// from a revoked workstation, with a certificate of another CA, and with an
// expired certificate of this server's CA, on both stores. The route list is
// read from the running server (Fastify's route tree), so a route added later
// is covered the day it exists: it must refuse these, or be named below as a
// route that needs no certificate (and why). The expired and foreign
// certificates belong to registered devices, so only the certificate check
// can refuse them; a refused push stores nothing.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollmentProof } from '../../../electron/core/sync/enrollment-proof';
import { createCa, signClientCsr, type KeyAndCert } from '../../../sync-server/src/pki/certs';
import { loadServerIdentity } from '../../../sync-server/src/pki/server-identity';
import { loadServerKey } from '../../../sync-server/src/secure/server-key';
import { newWorkstationKey, versions, Workstation } from '../helpers/client';
import { FakeDevice } from '../helpers/fixtures';
import { createTempDatabase, type TempDatabase } from '../helpers/pg';
import { startTestServer, type TestServer } from '../helpers/server';

/** Routes that need no workstation certificate, and what guards them instead. */
const NO_CERTIFICATE: Record<string, string> = {
  'GET /v1/health': 'public liveness check, no data',
  'GET /v1/ca': 'the public CA certificate a workstation pins',
  'GET /v1/metrics': 'the admin token',
  'POST /v1/clinics': 'the admin token (registers the first workstation)',
  'POST /v1/enroll': 'the one-time enrollment code (a new workstation has no certificate yet)',
};

/** "METHOD /path" of every route, from Fastify's printed route tree (HEAD is implied by GET). */
export function routesOf(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const at = line.search(/[├└]── /);
    if (at < 0) continue;
    const depth = at / 4;
    const m = /^(\S+)(?: \(([^)]*)\))?/.exec(line.slice(at + 4));
    if (!m) continue;
    const path = (stack[depth - 1] ?? '') + (m[1] ?? '');
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (m[2] ?? '').split(', ').filter((x) => x && x !== 'HEAD'))
      out.push(`${method} ${path}`);
  }
  return out.sort();
}

const send = (ws: Workstation, route: string, body: unknown) => {
  const [method, path] = route.split(' ') as [string, string];
  return method === 'GET' ? ws.get(path) : ws.post(path, body);
};

let database: TempDatabase | null = null;
const backends = [
  { name: 'sqlite', options: async () => ({}) },
  {
    name: 'postgres',
    options: async () => {
      database = await createTempDatabase();
      return { databaseUrl: database.url };
    },
  },
];

describe.each(backends)('device routes refuse bad certificates on $name', (backend) => {
  let t: TestServer;
  let routes: string[];
  let ca: KeyAndCert;
  let good: { tenantId: string; deviceId: string; ws: Workstation };

  /** A clinic registered directly in the store with a certificate signed by `by`, valid `at` then. */
  async function deviceWith(by: KeyAndCert, at: Date) {
    const key = newWorkstationKey();
    const tenantId = randomUUID();
    const deviceId = randomUUID();
    const cert = signClientCsr(by, key.csrPem, { deviceId, tenantId }, at);
    await t.server.store.registerClinic(
      { id: tenantId, name: 'Clinic', createdAt: new Date().toISOString() },
      {
        id: deviceId,
        tenantId,
        name: 'Desk',
        certFingerprint: cert.fingerprint,
        certSerial: cert.serial,
        createdAt: new Date().toISOString(),
      },
    );
    const ws = new Workstation(t.server.url, t.server.caCertPem, {
      certPem: cert.certPem,
      keyPem: key.keyPem,
    });
    return { tenantId, deviceId, ws };
  }

  /** A body the route would accept from `who`, so only the certificate can be refused. */
  const bodyFor = (route: string, who: { tenantId: string; deviceId: string }) => {
    const dev = new FakeDevice(who.tenantId, who.deviceId);
    switch (route) {
      case 'POST /v1/push':
        return {
          ...versions,
          batchId: randomUUID(),
          sentAt: Date.now(),
          changes: [dev.change('patients', randomUUID(), 'familyName', 'x')],
          audit: [dev.audit()],
        };
      case 'POST /v1/pull':
        return { ...versions, sentAt: Date.now(), after: 0 };
      case 'POST /v1/audit':
        return { ...versions, after: 0, upTo: 100 };
      case 'POST /v1/snapshot':
        return { ...versions };
      case 'POST /v1/enrollments':
        return {
          ...versions,
          wrappedClinicKey: 'w',
          secretProof: enrollmentProof(randomBytes(32)),
        };
      case 'POST /v1/enrollments/cancel':
        return { ...versions, code: 'no-such-code' };
      default:
        return { ...versions };
    }
  };

  beforeAll(async () => {
    t = await startTestServer(await backend.options());
    routes = routesOf(t.server.app.printRoutes({ commonPrefix: false }));
    const key = loadServerKey({ dataDir: t.dataDir });
    ca = (await loadServerIdentity(t.server.store, { serverKey: key, hosts: [] })).ca;
    good = await t.registerClinic();
  });
  afterAll(async () => {
    await t.stop();
    await database?.drop();
  });

  const guarded = () => routes.filter((r) => !(r in NO_CERTIFICATE));

  it('finds the routes, and every route is either guarded or named as needing no certificate', () => {
    expect(routes).toEqual(expect.arrayContaining(Object.keys(NO_CERTIFICATE)));
    expect(guarded()).toEqual(
      expect.arrayContaining([
        'POST /v1/push',
        'POST /v1/pull',
        'POST /v1/snapshot',
        'POST /v1/audit',
        'POST /v1/enrollments',
        'POST /v1/enrollments/cancel',
      ]),
    );
  });

  it('answers a valid workstation on every guarded route (the control)', async () => {
    for (const route of guarded()) {
      const res = await send(good.ws, route, bodyFor(route, good));
      expect([401, 403], route).not.toContain(res.status);
    }
  });

  const refusesAll = async (
    who: { tenantId: string; deviceId: string; ws: Workstation },
    status: number,
    code: string,
  ) => {
    for (const route of guarded()) {
      const res = await send(who.ws, route, bodyFor(route, who));
      expect(res, route).toMatchObject({ status, data: { code } });
    }
    // Nothing of the refused pushes (or anything else) reached the clinic's log.
    const log = await t.server.store.pull(who.tenantId, 0, 100);
    expect(log).toMatchObject({ changes: [], audit: [] });
  };

  it('refuses a request without a certificate on every guarded route', async () => {
    const anonymous = { ...good, ws: t.anonymous() };
    for (const route of guarded()) {
      const res = await send(anonymous.ws, route, bodyFor(route, good));
      expect(res, route).toMatchObject({ status: 401, data: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses a revoked workstation on every guarded route', async () => {
    const gone = await deviceWith(ca, new Date());
    expect(await t.server.store.revokeDevice(gone.deviceId, new Date().toISOString())).toBe(true);
    await refusesAll(gone, 403, 'REVOKED');
  });

  it('refuses a certificate of another CA on every guarded route, even with its fingerprint registered', async () => {
    const foreign = await deviceWith(createCa(), new Date());
    await refusesAll(foreign, 401, 'UNAUTHENTICATED');
  });

  it('refuses an expired certificate of this CA on every guarded route', async () => {
    // Issued six years ago with the five-year validity every client certificate gets.
    const expired = await deviceWith(ca, new Date(Date.now() - 6 * 365 * 86_400_000));
    await refusesAll(expired, 401, 'UNAUTHENTICATED');
  });
});
