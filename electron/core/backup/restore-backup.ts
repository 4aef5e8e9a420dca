// Restoring a backup file into an empty data directory, as `ehrbs restore`
// does, for the first-run screen: the passphrase must unwrap the backup's key,
// the database's checksum and SQLite's integrity check must pass, or nothing
// is left behind. The restored store's key is then protected by this
// workstation's own key wrapper (the OS keychain, a device key), not by the
// backup passphrase, so the app opens it as it opens any store.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { buildStoreInPlace, claimNewStoreDir, hasStore, requireClinic } from '../cli/store-access';
import { ClinicStore } from '../clinic/clinic-store';
import type { KeyWrapper } from '../keys/key-wrapper';
import { PassphraseKeyWrapper } from '../keys/passphrase-wrapper';
import { prepareRestoredStore } from '../sync/restored-store';
import { latestSchemaVersion } from '../store/migrations';
import { openEncryptedDatabase } from '../store/open-database';
import { storePaths } from '../store/paths';
import { writeWrappedKey } from '../store/wrapped-key-file';
import { extractDatabase, readBackupHeader, unwrapBackupKey } from './backup-file';

/** An unreadable file reads as "not a backup", never as a raw file-system error. */
function readHeader(path: string): ReturnType<typeof readBackupHeader> {
  try {
    return readBackupHeader(path);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INTEGRITY_FAILED', 'That file cannot be read as an EHRBS backup.');
  }
}

export async function restoreBackup(
  file: string,
  dataDir: string,
  passphrase: string,
  wrapper: KeyWrapper,
  now?: () => number,
): Promise<{ store: ClinicStore; createdAt: string }> {
  const inPath = resolve(file);
  if (!existsSync(inPath) || !statSync(inPath).isFile())
    throw new AppError('STORE_MISSING', 'There is no file at that path on this computer.');
  if (hasStore(dataDir))
    throw new AppError(
      'STORE_EXISTS',
      'This workstation already holds a clinic; a backup is restored only into an empty one. Nothing was changed.',
    );
  const { header, dataOffset } = readHeader(inPath);
  if (header.schemaVersion > latestSchemaVersion)
    throw new AppError(
      'STORE_NEWER_THAN_APP',
      'This backup was written by a newer EHRBS. Update the app; nothing was restored.',
    );
  let rawKey: Buffer;
  try {
    rawKey = await unwrapBackupKey(header, new PassphraseKeyWrapper(passphrase));
  } catch (e) {
    if (e instanceof AppError && e.code === 'WRONG_KEY')
      throw new AppError('WRONG_KEY', 'That passphrase does not open this backup.');
    throw e;
  }
  const target = claimNewStoreDir(dataDir);
  try {
    await buildStoreInPlace(target, async (buildDir) => {
      const paths = storePaths(buildDir);
      extractDatabase(inPath, header, dataOffset, paths.database);
      const db = openEncryptedDatabase(paths.database, rawKey, { create: false });
      try {
        if (db.pragma('integrity_check', { simple: true }) !== 'ok')
          throw new AppError(
            'INTEGRITY_FAILED',
            'The backup failed its integrity check; nothing was restored.',
          );
      } finally {
        db.close();
      }
      await writeWrappedKey(paths.wrappedKey, wrapper, rawKey);
    });
  } finally {
    rawKey.fill(0);
  }
  const store = await ClinicStore.open(target.dir, wrapper, now ? { now } : {});
  const tenantId = requireClinic(store);
  prepareRestoredStore(store);
  store.audit(
    { tenantId, userId: null, deviceId: store.deviceId },
    'restore',
    'tenants',
    tenantId,
    `backup of ${header.createdAt}`,
  );
  return { store, createdAt: header.createdAt };
}
