// `ehrbs enroll-code`: a one-time code for a new workstation (admin only).
import { requireString } from '../args';
import { authenticate } from '../authenticate';
import { EXIT, type Command } from '../command';
import { openStore, requireClinic } from '../store-access';
import { servicesFor } from '../../services/services';
import { createEnrollmentCode } from '../../sync/enrollment';

export const enrollCodeCommand: Command = {
  name: 'enroll-code',
  summary: 'print a one-time code that lets a new workstation join this clinic',
  usage: `usage: ehrbs enroll-code --data DIR --user EMAIL

Prints a one-time enrollment code (valid 15 minutes, single use) for
"ehrbs join" on a new workstation. The code carries the secret that unlocks
the clinic key; the sync server never sees it. Treat it like a password.

  --data DIR      the store's data directory (a connected workstation)
  --user EMAIL    an admin allowed to manage devices

Environment: EHRBS_PASSPHRASE, EHRBS_PASSWORD.`,
  options: { data: { type: 'string' }, user: { type: 'string' } },
  async run(values, io) {
    const store = await openStore(requireString('enroll-code', values, 'data'));
    try {
      const tenantId = requireClinic(store);
      const { session, recordLogin } = await authenticate(
        store,
        servicesFor(store),
        tenantId,
        requireString('enroll-code', values, 'user'),
        {
          capability: 'devices.manage',
          refusal: 'Only an admin who manages devices can issue enrollment codes.',
        },
      );
      const { code, expiresAt } = await createEnrollmentCode(store);
      recordLogin();
      store.audit(session.actor, 'create', 'devices', null, 'enrollment code issued');
      io.out(`${code}\n`);
      io.note(`Single use; expires at ${expiresAt}.\n`);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
