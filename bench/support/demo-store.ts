// A demo-like clinic for the Chromium benches: the demo generator (its staff,
// patients, appointments, charts and messages, all through the services) on a
// temp store, which the bench then adds its own workload to before serving it.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClinicStore } from '../../electron/core/clinic/clinic-store';
import { DEMO_PASSWORD, generateDemoClinic } from '../../electron/core/demo/demo-clinic';
import { PassphraseKeyWrapper } from '../../electron/core/keys/passphrase-wrapper';
import { servicesFor, type Services } from '../../electron/core/services/services';
import type { Session } from '../../electron/core/services/session';

export { DEMO_PASSWORD };

export interface DemoWorld {
  readonly store: ClinicStore;
  readonly services: Services;
  /** A session for a demo login, as the services would give it after login. */
  as(email: string): Promise<Session>;
}

/**
 * Makes a demo clinic of `patients` patients in a new temp dir, lets `add`
 * write the bench's workload, closes the store and returns the dir (the caller
 * serves it with the same passphrase, then removes it).
 */
export async function seedDemoClinic(
  prefix: string,
  passphrase: string,
  patients: number,
  add: (world: DemoWorld) => Promise<void> | void,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const store = await ClinicStore.create(dir, new PassphraseKeyWrapper(passphrase));
  try {
    const services = servicesFor(store);
    await generateDemoClinic(store, services, { patients });
    await add({ store, services, as: (email) => services.auth.login(email, DEMO_PASSWORD) });
  } finally {
    store.close();
  }
  return dir;
}
