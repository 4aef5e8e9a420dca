// A clinic on two workstations and a real sync server: workstation A (the
// clinic world, connected and synced) and workstation B (joined with an
// enrollment code and bootstrapped), for the sync tests of each capability.
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../../electron/core/sync/enrollment';
import { syncRound } from '../../../electron/core/sync/sync-round';
import { startTestServer, type TestServer } from '../../server/helpers/server';
import { tempDir, testWrapper } from '../helpers';
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
