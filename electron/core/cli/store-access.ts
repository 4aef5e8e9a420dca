// Opening an existing store for a command, and creating a new one with a way
// back: a command that fails part-way through creating a store removes what it
// wrote, so a failure never leaves a half-made store behind.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
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

/**
 * Opens the store in `dir` with EHRBS_PASSPHRASE. Fails before touching any
 * file. Commands that only read pass `{ migrate: false }`: they never create,
 * migrate or write a store they were not asked to change.
 */
export async function openStore(
  dir: string,
  opts: { migrate?: boolean } = {},
): Promise<ClinicStore> {
  const abs = requireExistingDir(dir);
  if (!existsSync(storePaths(abs).database)) {
    throw new AppError('STORE_MISSING', `There is no EHRBS store in ${abs}.`);
  }
  return ClinicStore.open(abs, await passphraseWrapper(), opts);
}

/** For readers that need the current schema (they go through the services). */
export function requireCurrentSchema(store: ClinicStore): void {
  if (!store.isCurrent)
    throw new AppError(
      'STORE_NEWER_THAN_APP',
      `This store is at schema ${store.schemaVersion}, older than this app's; open it once with the app (npm start) to upgrade it, then try again. Nothing was changed.`,
    );
}

/**
 * SQLite's integrity check as one line: the first problem and how many there
 * are (its report is one multi-line row, often a hundred lines for one page).
 */
export function integrityProblems(store: ClinicStore): { count: number; first: string } | null {
  const rows = store.read.pragma('integrity_check') as { integrity_check: string }[];
  const lines = rows
    .flatMap((r) => r.integrity_check.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== 'ok' && !/^\*\*\* in database \w+ \*\*\*$/.test(l));
  const [first] = lines;
  return first === undefined ? null : { count: lines.length, first };
}

export function requireClinic(store: ClinicStore): string {
  const tenantId = store.tenantId;
  if (!tenantId)
    throw new AppError('STORE_MISSING', 'This store has no clinic yet (run "ehrbs init").');
  return tenantId;
}

/** A store is its database: a key file alone is left over from a create that did not finish. */
export function hasStore(dir: string): boolean {
  return existsSync(storePaths(dir).database);
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
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  return {
    dir: abs,
    undo: () => {
      for (const f of storeFiles(abs)) rmSync(f, { force: true });
      for (const name of readdirSync(abs))
        if (name.startsWith(BUILDING)) rmSync(join(abs, name), { recursive: true, force: true });
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

const BUILDING = '.ehrbs-building-';

/**
 * Builds a new store somewhere temporary inside `target.dir` and moves it into
 * place only when complete: the key file first, then the database (the
 * commit point), so a command killed at any moment leaves either nothing or a
 * complete store. A previous run's leftovers (its temporary folder, a key file
 * without a database) are cleared first; such a key file protects nothing,
 * but it is kept aside rather than deleted.
 */
export async function buildStoreInPlace<R>(
  target: { dir: string; undo: () => void },
  build: (buildDir: string) => Promise<R>,
): Promise<R> {
  const paths = storePaths(target.dir);
  for (const name of readdirSync(target.dir))
    if (name.startsWith(BUILDING)) rmSync(join(target.dir, name), { recursive: true, force: true });
  if (existsSync(paths.wrappedKey))
    renameSync(paths.wrappedKey, `${paths.wrappedKey}.orphaned-${Date.now()}`);
  const buildDir = mkdtempSync(join(target.dir, BUILDING));
  try {
    const result = await build(buildDir);
    const built = storePaths(buildDir);
    renameSync(built.wrappedKey, paths.wrappedKey);
    renameSync(built.database, paths.database);
    return result;
  } catch (e) {
    target.undo();
    throw e;
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}
