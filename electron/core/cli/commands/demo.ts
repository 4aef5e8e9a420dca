// `ehrbs demo`: a realistic demo clinic in a new store, and its logins.
import { performance } from 'node:perf_hooks';
import { AppError } from '../../../../shared/errors';
import { servicesFor } from '../../services/services';
import { generateDemoClinic, MAX_DEMO_PATIENTS } from '../../demo/demo-clinic';
import { ClinicStore } from '../../clinic/clinic-store';
import { optionalString, requireString } from '../args';
import { EXIT, type Command } from '../command';
import { passphraseWrapper } from '../key-wrapper';
import { buildStoreInPlace, claimNewStoreDir } from '../store-access';
import { pauseIfAsked } from '../test-pause';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'create a demo clinic (staff, patients, appointments, records, invoices)',
  usage: `usage: ehrbs demo --data DIR [--patients N]

Creates an encrypted store in DIR (created if missing; refused if DIR already
holds a store) with a demo clinic: an admin, two front-desk staff, seven doctors
with weekly hours, N patients, six weeks of appointments (three past, three to
come), records of every type, staff messages, invoices and payments. The data is
invented and the same on every run. Prints the demo logins, which all share one
well-known password: never put real patients in a demo store.

  --data DIR      data directory for the new store
  --patients N    number of patients (default 500, at most ${MAX_DEMO_PATIENTS})

Environment: EHRBS_PASSPHRASE (the new store's passphrase, 8+ characters).`,
  options: { data: { type: 'string' }, patients: { type: 'string' } },
  async run(values, io) {
    const dataDir = requireString('demo', values, 'data');
    const patients = Number(optionalString(values, 'patients') ?? '500');
    if (!Number.isInteger(patients) || patients < 1 || patients > MAX_DEMO_PATIENTS) {
      throw new AppError(
        'VALIDATION_FAILED',
        `--patients must be a whole number from 1 to ${MAX_DEMO_PATIENTS}.`,
      );
    }
    const wrapper = await passphraseWrapper({ forNewStore: true });
    const target = claimNewStoreDir(dataDir);
    const started = performance.now();
    // Built aside and moved into place only when complete: a killed demo leaves nothing.
    const { logins } = await buildStoreInPlace(target, async (buildDir) => {
      const store = await ClinicStore.create(buildDir, wrapper);
      try {
        return await generateDemoClinic(store, servicesFor(store), { patients });
      } finally {
        store.close();
        await pauseIfAsked('demo:before-publish');
      }
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(
      `Created the demo clinic in ${target.dir} with ${patients} patients (${seconds} s).\n\nDemo logins:\n`,
    );
    for (const l of logins) io.out(`  ${l.role.padEnd(10)} ${l.email.padEnd(34)} ${l.password}\n`);
    return EXIT.ok;
  },
};
