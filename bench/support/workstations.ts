// Real workstations for the sync benchmarks: encrypted stores in temp
// directories (cheap scrypt: key wrapping is measured by store.bench.ts), a
// clinic set up through the services, connected to a sync server, and further
// workstations joined with one-time codes, exactly as the app does it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { servicesFor, type Services } from '../../electron/core/services/services';
import { PassphraseKeyWrapper } from '../../electron/core/keys/passphrase-wrapper';
import { repositories } from '../../electron/core/repos/repositories';
import { setUpClinic } from '../../electron/core/services/clinic-setup';
import type { Session } from '../../electron/core/services/session';
import { ClinicStore } from '../../electron/core/clinic/clinic-store';
import {
  connectClinic,
  createEnrollmentCode,
  joinClinic,
} from '../../electron/core/sync/enrollment';
import type { RunningServer } from '../../sync-server/src/server';

export const benchWrapper = (): PassphraseKeyWrapper =>
  new PassphraseKeyWrapper('benchmark passphrase', { N: 2 ** 10, r: 8, p: 1 });

export interface TempDir {
  dir: string;
  remove(): void;
}

export function tempDir(prefix: string): TempDir {
  const dir = mkdtempSync(joinPath(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ClinicWorkstation {
  store: ClinicStore;
  services: Services;
  admin: Session;
  tenantId: string;
  close(): void;
}

const ADMIN = { email: 'admin@example.test', password: 'admin-password-1' };

/** A new clinic on a new workstation, its admin logged in. */
export async function newClinic(): Promise<ClinicWorkstation> {
  const tmp = tempDir('ehrbs-bench-a-');
  const store = await ClinicStore.create(tmp.dir, benchWrapper());
  const repos = repositories(store);
  const { tenantId } = await setUpClinic(store, repos, {
    clinicName: 'Benchmark Clinic',
    timeZone: 'Europe/London',
    currency: 'GBP',
    adminName: 'Ada Admin',
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  const services = servicesFor(store, repos);
  const admin = await services.auth.login(ADMIN.email, ADMIN.password);
  return {
    store,
    services,
    admin,
    tenantId,
    close: () => {
      store.close();
      tmp.remove();
    },
  };
}

/** What a workstation needs of a server to connect or join: where it is and whom to trust. */
export type ServerAddress = Pick<RunningServer, 'url' | 'caFingerprint' | 'newAdminToken'>;

/** Registers the clinic of `a` with the server (its first device). */
export async function connect(a: ClinicStore, server: ServerAddress): Promise<void> {
  await connectClinic(a, {
    serverUrl: server.url,
    fingerprint: server.caFingerprint,
    adminToken: server.newAdminToken ?? '',
    deviceName: 'Front desk',
  });
}

/** A new workstation of the clinic of `by`, enrolled with a one-time code; not yet synced. */
export async function joinWorkstation(
  by: ClinicStore,
  server: ServerAddress,
): Promise<{ store: ClinicStore; close(): void }> {
  const { code } = await createEnrollmentCode(by);
  const tmp = tempDir('ehrbs-bench-b-');
  const store = await joinClinic(tmp.dir, benchWrapper(), {
    serverUrl: server.url,
    fingerprint: server.caFingerprint,
    code,
    deviceName: 'Consulting room',
  });
  return {
    store,
    close: () => {
      store.close();
      tmp.remove();
    },
  };
}
