// `ehrbs backup`: a consistent, still-encrypted copy of the store in one file
// (see backup/write-backup.ts for how).
import { readFileSync, rmSync } from 'node:fs';
import { storePaths } from '../../store/paths';
import { parseKeyFile } from '../../backup/backup-file';
import { writeBackup } from '../../backup/write-backup';
import { requireString } from '../args';
import { EXIT, type Command } from '../command';
import { checkNewFile } from '../../files/output-file';
import { openStore, requireClinic, withStore } from '../store-access';
import { pauseIfAsked } from '../test-pause';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write a consistent encrypted backup of the store to one file',
  usage: `usage: ehrbs backup --data DIR --out FILE

Writes one file holding a consistent snapshot of the store, still encrypted
with the store's key, together with the store's passphrase-wrapped key: a
restore needs this file and the same passphrase. Safe while the app is running.
Refused if FILE exists. Recorded in the audit log.

  --data DIR     the store's data directory
  --out FILE     the backup file to create

Environment: EHRBS_PASSPHRASE.`,
  options: { data: { type: 'string' }, out: { type: 'string' } },
  async run(values, io) {
    const dataDir = requireString('backup', values, 'data');
    const out = checkNewFile(requireString('backup', values, 'out'));
    const store = await openStore(dataDir, { migrate: false });
    return withStore(store, async () => {
      const tenantId = requireClinic(store);
      await writeBackup(
        store,
        out,
        parseKeyFile(readFileSync(storePaths(store.dataDir).wrappedKey, 'utf8')),
        () => pauseIfAsked('backup:snapshot-written'),
      );
      try {
        store.audit(
          { tenantId, userId: null, deviceId: store.deviceId },
          'backup',
          'tenants',
          tenantId,
          'encrypted backup',
        );
      } catch (e) {
        rmSync(out, { force: true });
        throw e;
      }
      io.out(`Backup written to ${out}. Restoring it needs the same passphrase.\n`);
      return EXIT.ok;
    });
  },
};
