// Opening an existing store for a command, and creating a new one with a way
// back: a command that fails part-way through creating a store removes what it
// wrote, so a failure never leaves a half-made store behind.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { ClinicStore } from '../clinic/clinic-store';
import { storePaths } from '../store/paths';
import { passphraseWrapper } from './key-wrapper';

export function requireExistingDir(dir: string, what = 'data directory'): string {
  const abs = resolve(dir);
  if (!existsSync(abs)) throw new AppError('STORE_MISSING', `The ${what} ${abs} does not exist.`);
  if (!statSync(abs).isDirectory())
    throw new AppError('STORE_MISSING', `The ${what} ${abs} is not a directory.`);
  return abs;
}

/** Opens the store in `dir` with EHRBS_PASSPHRASE. Fails before touching any file. */
export async function openStore(dir: string): Promise<ClinicStore> {
  const abs = requireExistingDir(dir);
  if (!existsSync(storePaths(abs).database)) {
    throw new AppError('STORE_MISSING', `There is no EHRBS store in ${abs}.`);
  }
  return ClinicStore.open(abs, await passphraseWrapper());
}

export function requireClinic(store: ClinicStore): string {
  const tenantId = store.tenantId;
  if (!tenantId)
    throw new AppError('STORE_MISSING', 'This store has no clinic yet (run "ehrbs init").');
  return tenantId;
}

export function hasStore(dir: string): boolean {
  const p = storePaths(dir);
  return existsSync(p.database) || existsSync(p.wrappedKey);
}

/** Files a store may have in its data directory (the database, its WAL, the key file). */
export const storeFiles = (dir: string): string[] => {
  const p = storePaths(dir);
  return [p.database, `${p.database}-wal`, `${p.database}-shm`, p.wrappedKey];
};

/**
 * Prepares `dir` for a new store: refuses one that already has a store, creates
 * the directory if needed, and returns an undo that removes what was created.
 */
export function claimNewStoreDir(dir: string): { dir: string; undo: () => void } {
  const abs = resolve(dir);
  if (existsSync(abs) && !statSync(abs).isDirectory()) {
    throw new AppError('VALIDATION_FAILED', `${abs} exists and is not a directory.`);
  }
  if (hasStore(abs))
    throw new AppError(
      'STORE_EXISTS',
      `${abs} already holds an EHRBS store; it was left as it was.`,
    );
  const created = !existsSync(abs);
  mkdirSync(abs, { recursive: true });
  return {
    dir: abs,
    undo: () => {
      for (const f of storeFiles(abs)) rmSync(f, { force: true });
      if (created && readdirSync(abs).length === 0) rmSync(abs, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` on an open store: a clean close on success, an untouched close on failure. */
export async function withStore<R>(
  store: ClinicStore,
  fn: (store: ClinicStore) => Promise<R> | R,
): Promise<R> {
  let result: R;
  try {
    result = await fn(store);
  } catch (e) {
    store.closeUntouched();
    throw e;
  }
  store.close();
  return result;
}
