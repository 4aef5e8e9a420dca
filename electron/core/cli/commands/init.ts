// `ehrbs init`: a new encrypted store with a clinic and its first admin.
import { z } from 'zod';
import { Password } from '../../../../shared/api/session';
import { CurrencyCode, Email, NonEmptyText, TimeZone } from '../../../../shared/domain/primitives';
import { AppError } from '../../../../shared/errors';
import { repositories } from '../../repos/repositories';
import { setUpClinic } from '../../services/clinic-setup';
import { ClinicStore } from '../../clinic/clinic-store';
import { optionalString, requireString } from '../args';
import { EXIT, type Command } from '../command';
import { passphraseWrapper } from '../key-wrapper';
import { PASSWORD, readSecret } from '../secrets';
import { buildStoreInPlace, claimNewStoreDir } from '../store-access';

const Fields = z.object({
  clinicName: NonEmptyText(200),
  adminEmail: Email,
  adminName: NonEmptyText(200),
  timeZone: TimeZone,
  currency: CurrencyCode,
  adminPassword: Password,
});
const FIELD_OPTION: Record<string, string> = {
  clinicName: '--clinic',
  adminEmail: '--admin-email',
  adminName: '--admin-name',
  timeZone: '--time-zone',
  currency: '--currency',
  adminPassword: 'EHRBS_PASSWORD',
};

export const initCommand: Command = {
  name: 'init',
  summary: 'create a new encrypted store with a clinic and its first admin',
  usage: `usage: ehrbs init --data DIR --clinic NAME --admin-email EMAIL --admin-name NAME
                  [--time-zone TZ] [--currency CUR]

Creates an encrypted store in DIR (created if missing; refused if DIR already
holds a store) with the clinic and its first admin, who has every admin
permission.

  --data DIR           data directory for the new store
  --clinic NAME        the clinic's name
  --admin-email EMAIL  the admin's login
  --admin-name NAME    the admin's display name
  --time-zone TZ       IANA time zone of the clinic (default: this machine's)
  --currency CUR       ISO 4217 currency code (default: GBP)

Environment: EHRBS_PASSPHRASE (the new store's passphrase, 8+ characters),
EHRBS_PASSWORD (the admin's password, 10+ characters).`,
  options: {
    data: { type: 'string' },
    clinic: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    'time-zone': { type: 'string' },
    currency: { type: 'string' },
  },
  async run(values, io) {
    const dataDir = requireString('init', values, 'data');
    const raw = {
      clinicName: requireString('init', values, 'clinic'),
      adminEmail: requireString('init', values, 'admin-email'),
      adminName: requireString('init', values, 'admin-name'),
      timeZone:
        optionalString(values, 'time-zone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      currency: (optionalString(values, 'currency') ?? 'GBP').toUpperCase(),
    };
    // Every input is checked before anything is created.
    const wrapper = await passphraseWrapper({ forNewStore: true });
    const adminPassword = await readSecret({
      ...PASSWORD,
      label: 'Password for the new admin',
      confirm: true,
    });
    const parsed = Fields.safeParse({ ...raw, adminPassword });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = FIELD_OPTION[String(issue?.path[0] ?? '')] ?? 'an option';
      throw new AppError('VALIDATION_FAILED', `${field}: ${issue?.message ?? 'invalid'}.`);
    }
    const target = claimNewStoreDir(dataDir);
    await buildStoreInPlace(target, async (buildDir) => {
      const store = await ClinicStore.create(buildDir, wrapper);
      try {
        await setUpClinic(store, repositories(store), {
          ...parsed.data,
          deviceName: 'Workstation 1',
        });
      } finally {
        store.close();
      }
    });
    io.out(
      `Created clinic "${parsed.data.clinicName}" in ${target.dir}; ${parsed.data.adminEmail} can log in as admin.\n`,
    );
    return EXIT.ok;
  },
};
