// `ehrbs restore`: a backup file into a new data directory, checked before it
// is put in place: the passphrase must unwrap the key, the database's checksum
// must match and SQLite's integrity check must pass, or nothing is left behind.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../../shared/errors';
import { ClinicStore } from '../../clinic/clinic-store';
import { openEncryptedDatabase } from '../../store/open-database';
import { latestSchemaVersion } from '../../store/migrations';
import { storePaths } from '../../store/paths';
import { extractDatabase, readBackupHeader, unwrapBackupKey } from '../../backup/backup-file';
import { prepareRestoredStore } from '../../sync/restored-store';
import { requireString } from '../args';
import { EXIT, type Command } from '../command';
import { passphraseWrapper } from '../key-wrapper';
import {
  buildStoreInPlace,
  claimNewStoreDir,
  hasStore,
  requireExistingDir,
  requireClinic,
} from '../store-access';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'restore a backup file into a new data directory',
  usage: `usage: ehrbs restore --in FILE --data DIR

Restores a file written by "ehrbs backup" into DIR (created if missing). Refused
if DIR already holds a store. The restored store is opened with the passphrase
and checked (checksum, SQLite integrity_check) before the command succeeds;
otherwise everything it wrote is removed. Recorded in the restored audit log.

The restored store keeps the original workstation's identity: use it to replace
that workstation, not to run beside it. A store connected to a sync server
downloads the clinic again at its next sync (its own work since the backup
included) and takes a new number series, so no number is issued twice.

  --in FILE      the backup file
  --data DIR     the new data directory

Environment: EHRBS_PASSPHRASE (the passphrase of the store that was backed up).`,
  options: { in: { type: 'string' }, data: { type: 'string' } },
  async run(values, io) {
    const inPath = resolve(requireString('restore', values, 'in'));
    const dataDir = resolve(requireString('restore', values, 'data'));
    requireExistingDir(resolve(inPath, '..'), 'backup directory');
    if (!existsSync(inPath))
      throw new AppError('STORE_MISSING', `The backup file ${inPath} does not exist.`);
    const { header, dataOffset } = readBackupHeader(inPath);
    if (header.schemaVersion > latestSchemaVersion)
      throw new AppError(
        'STORE_NEWER_THAN_APP',
        `This backup was written by a newer EHRBS (schema ${header.schemaVersion}; this app knows up to ${latestSchemaVersion}). Update the app; nothing was restored.`,
      );
    if (hasStore(dataDir))
      throw new AppError(
        'STORE_EXISTS',
        `${dataDir} already holds an EHRBS store; nothing was restored.`,
      );
    const wrapper = await passphraseWrapper();
    const rawKey = await unwrapBackupKey(header, wrapper);
    const target = claimNewStoreDir(dataDir);
    await buildStoreInPlace(target, async (buildDir) => {
      const paths = storePaths(buildDir);
      try {
        extractDatabase(inPath, header, dataOffset, paths.database);
        const db = openEncryptedDatabase(paths.database, rawKey, { create: false });
        try {
          const result = db.pragma('integrity_check', { simple: true });
          if (result !== 'ok')
            throw new AppError(
              'INTEGRITY_FAILED',
              'The backup failed its integrity check; nothing was restored.',
            );
        } finally {
          db.close();
        }
      } finally {
        rawKey.fill(0);
      }
      writeFileSync(paths.wrappedKey, JSON.stringify(header.keyFile, null, 2), {
        mode: 0o600,
        flag: 'wx',
      });
      const store = await ClinicStore.open(buildDir, wrapper);
      try {
        const tenantId = requireClinic(store);
        prepareRestoredStore(store);
        store.audit(
          { tenantId, userId: null, deviceId: store.deviceId },
          'restore',
          'tenants',
          tenantId,
          `backup of ${header.createdAt}`,
        );
      } finally {
        store.close();
      }
    });
    io.out(`Restored the backup of ${header.createdAt} into ${target.dir}.\n`);
    return EXIT.ok;
  },
};
