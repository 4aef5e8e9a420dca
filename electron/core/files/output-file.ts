// Output files the CLI and the app write (exports, backups): never over an existing file,
// written under a temporary name beside the target and moved into place only
// when complete, so a failure leaves no partial file behind.
import { existsSync, linkSync, readdirSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';

/** Checks (before any work) that `path` can be created. */
export function checkNewFile(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs))
    throw new AppError('CONFLICT', `${abs} already exists; it was left as it was.`);
  const dir = dirname(abs);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError('STORE_MISSING', `The directory ${dir} does not exist.`);
  }
  return abs;
}

export const partialPathFor = (abs: string): string =>
  `${abs}.partial-${randomBytes(4).toString('hex')}`;

/**
 * Removes temporary files a killed earlier run left beside `abs` (a kill -9
 * runs no cleanup). They are 0600, but hold a copy of the store.
 */
export function removeStalePartials(abs: string): void {
  const prefix = `${basename(abs)}.partial-`;
  for (const name of readdirSync(dirname(abs)))
    if (name.startsWith(prefix)) rmSync(join(dirname(abs), name), { force: true });
}

/**
 * Moves a finished temporary file to `abs`. A hard link fails if `abs` appeared
 * in the meantime, where a rename would silently replace it.
 */
export function publish(partial: string, abs: string): void {
  try {
    linkSync(partial, abs);
  } catch {
    throw new AppError(
      'CONFLICT',
      `${abs} could not be created (it may exist now); nothing was written there.`,
    );
  } finally {
    rmSync(partial, { force: true });
  }
}
