// `ehrbs backup`: a consistent, still-encrypted copy of the store in one file.
//
// Why VACUUM INTO and not the backup API (better-sqlite3's db.backup()):
// db.backup() opens the target file itself with sqlite3_open_v2 and no URI
// parameters (the addon is built with SQLITE_USE_URI=0), so the target cannot
// be keyed; SQLite3 Multiple Ciphers then refuses the copy ("backup is not
// supported with incompatible source and target databases") rather than write
// plaintext. VACUUM INTO runs inside the store's own connection, in one read
// transaction (a consistent snapshot even while the app keeps writing, as the
// backup API would give), and SQLite3 Multiple Ciphers writes the target with
// the source's cipher and key. We still check the result is encrypted.
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../../shared/errors';
import { storePaths } from '../../store/paths';
import { parseKeyFile, writeBackupFile } from '../backup-file';
import { requireString } from '../args';
import { EXIT, type Command } from '../command';
import { checkNewFile, partialPathFor, publish, removeStalePartials } from '../output-file';
import { openStore, requireClinic, withStore } from '../store-access';
import { pauseIfAsked } from '../test-pause';

const PLAIN_SQLITE = Buffer.from('SQLite format 3\0', 'ascii');

/** True only if the file is not plain SQLite and cannot be read without a key. */
function isEncrypted(path: string): boolean {
  if (readFileSync(path).subarray(0, 16).equals(PLAIN_SQLITE)) return false;
  const probe = new Database(path, { readonly: true, fileMustExist: true });
  try {
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
}

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
    removeStalePartials(out);
    const store = await openStore(dataDir, { migrate: false });
    return withStore(store, async () => {
      const tenantId = requireClinic(store);
      const partial = partialPathFor(out);
      const snapshot = `${partial}-db`;
      try {
        // Created empty and private first: VACUUM INTO fills an empty file and keeps its mode.
        closeSync(openSync(snapshot, 'wx', 0o600));
        store.snapshotTo(snapshot);
        await pauseIfAsked('backup:snapshot-written');
        if (!isEncrypted(snapshot)) {
          throw new AppError(
            'INTEGRITY_FAILED',
            'The snapshot came out unencrypted, so no backup was written.',
          );
        }
        writeBackupFile(partial, snapshot, {
          createdAt: store.nowIso(),
          schemaVersion: store.schemaVersion,
          keyFile: parseKeyFile(readFileSync(storePaths(store.dataDir).wrappedKey, 'utf8')),
        });
        publish(partial, out);
      } finally {
        rmSync(snapshot, { force: true });
        rmSync(partial, { force: true });
      }
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
