// A real sync server on 127.0.0.1 (random port, real TLS) over a temp data dir,
// with a clock the tests can move, and helpers to register clinics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { enrollmentProof } from '../../../electron/core/sync/enrollment-proof';
import { startServer, type RunningServer } from '../../../sync-server/src/server';
import { newWorkstationKey, versions, Workstation } from './client';

export interface TestServer {
  server: RunningServer;
  dataDir: string;
  adminToken: string;
  /** Milliseconds added to the server's clock. */
  clock: { offsetMs: number };
  anonymous(): Workstation;
  registerClinic(
    tenantId?: string,
  ): Promise<{ tenantId: string; deviceId: string; ws: Workstation }>;
  /** A second workstation of the clinic, enrolled with a one-time code. */
  enroll(by: Workstation): Promise<{ deviceId: string; ws: Workstation }>;
  stop(): Promise<void>;
}

export async function startTestServer(
  options: {
    databaseUrl?: string;
    adminToken?: string;
    serverKey?: string;
    dataDir?: string;
    /** The server's clock (default: the real time plus `clock.offsetMs`). */
    now?: () => Date;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ehrbs-server-'));
  const clock = { offsetMs: 0 };
  const server = await startServer({
    dataDir,
    ...options,
    port: 0,
    logLevel: 'silent',
    now: options.now ?? (() => new Date(Date.now() + clock.offsetMs)),
  });
  const adminToken = options.adminToken ?? server.newAdminToken ?? '';
  const anonymous = () => new Workstation(server.url, server.caCertPem);
  return {
    server,
    dataDir,
    adminToken,
    clock,
    anonymous,
    async registerClinic(tenantId = randomUUID()) {
      const key = newWorkstationKey();
      const deviceId = randomUUID();
      const res = await anonymous().post(
        '/v1/clinics',
        {
          ...versions,
          tenantId,
          clinicName: 'Riverside Clinic',
          deviceId,
          deviceName: 'Front desk',
          csr: key.csrPem,
        },
        { authorization: `Bearer ${adminToken}` },
      );
      if (res.status !== 201)
        throw new Error(`register failed: ${res.status} ${JSON.stringify(res.data)}`);
      const ws = new Workstation(server.url, server.caCertPem, {
        certPem: String(res.data.certificate),
        keyPem: key.keyPem,
      });
      return { tenantId, deviceId, ws };
    },
    async enroll(by) {
      const secretProof = enrollmentProof(randomBytes(32));
      const code = await by.post('/v1/enrollments', {
        ...versions,
        wrappedClinicKey: 'wrapped',
        secretProof,
      });
      const key = newWorkstationKey();
      const deviceId = randomUUID();
      const res = await anonymous().post('/v1/enroll', {
        ...versions,
        enrollmentId: code.data.enrollmentId,
        token: code.data.token,
        secretProof,
        deviceId,
        deviceName: 'Consulting room',
        csr: key.csrPem,
      });
      if (res.status !== 201)
        throw new Error(`enroll failed: ${res.status} ${JSON.stringify(res.data)}`);
      const ws = new Workstation(server.url, server.caCertPem, {
        certPem: String(res.data.certificate),
        keyPem: key.keyPem,
      });
      return { deviceId, ws };
    },
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
