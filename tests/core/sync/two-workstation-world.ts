// A clinic on two workstations and a real sync server: workstation A (the
// clinic world, connected and synced) and workstation B (joined with an
// enrollment code and bootstrapped), for the sync tests of each capability.
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { servicesFor, type Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { STAFF_PASSWORD } from '../fixtures';
import { ADMIN_PASSWORD, tempDir, testWrapper } from '../helpers';
import { clinicWorld } from '../world';

export interface TwoWorkstations {
  server: TestServer;
  a: Awaited<ReturnType<typeof clinicWorld>>;
  bStore: ClinicStore;
  close(): Promise<void>;
}

export async function twoWorkstations(names: { a: string; b: string }): Promise<TwoWorkstations> {
  const server = await startTestServer();
  const a = await clinicWorld();
  await connectClinic(a.store, {
    serverUrl: server.server.url,
    fingerprint: server.server.caFingerprint,
    adminToken: server.adminToken,
    deviceName: names.a,
  });
  await syncRound(a.store);
  const { code } = await createEnrollmentCode(a.store);
  const bDir = tempDir();
  const bStore = await joinClinic(bDir.dir, testWrapper('workstation-b-pass'), {
    serverUrl: server.server.url,
    fingerprint: server.server.caFingerprint,
    code,
    deviceName: names.b,
  });
  await syncRound(bStore);
  return {
    server,
    a,
    bStore,
    async close() {
      bStore.close();
      bDir.cleanup();
      a.close();
      await server.stop();
    },
  };
}

/** Workstation B's services with its front desk and admin logged in (the billing tests' B side). */
export async function deskAndAdminOn(store: ClinicStore): Promise<{
  services: Services;
  desk: Session;
  admin: Session;
}> {
  const services = servicesFor(store);
  return {
    services,
    desk: await services.auth.login('desk@example.test', STAFF_PASSWORD),
    admin: await services.auth.login('admin@example.test', ADMIN_PASSWORD),
  };
}

/** A's, then B's, then A's round again: after it both workstations hold each other's writes. */
export async function syncBoth(w: TwoWorkstations): Promise<void> {
  await syncRound(w.a.store);
  await syncRound(w.bStore);
  await syncRound(w.a.store);
}
