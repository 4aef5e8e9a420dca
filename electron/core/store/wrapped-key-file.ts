// The store's raw key, wrapped, on disk beside the database.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { KeyWrapper } from '../keys/key-wrapper';

const WrappedKeyFile = z.object({ format: z.literal(1), wrapper: z.string(), wrapped: z.string() });

export async function writeWrappedKey(
  path: string,
  wrapper: KeyWrapper,
  rawKey: Buffer,
): Promise<void> {
  const body = {
    format: 1,
    wrapper: wrapper.kind,
    wrapped: (await wrapper.wrap(rawKey)).toString('base64'),
  };
  // Write then rename, so a crash never leaves a half-written key file.
  writeFileSync(`${path}.tmp`, JSON.stringify(body, null, 2), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

export async function readWrappedKey(path: string, wrapper: KeyWrapper): Promise<Buffer> {
  if (!existsSync(path))
    throw new AppError('STORE_MISSING', 'No EHRBS store key was found in this data directory.');
  let file: z.infer<typeof WrappedKeyFile>;
  try {
    file = WrappedKeyFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    throw new AppError('INTEGRITY_FAILED', 'The store key file is damaged.');
  }
  if (file.wrapper !== wrapper.kind) {
    throw new AppError(
      'WRONG_KEY',
      `This store's key is protected by "${file.wrapper}", not "${wrapper.kind}".`,
    );
  }
  const key = await wrapper.unwrap(Buffer.from(file.wrapped, 'base64'));
  if (key.length !== 32)
    throw new AppError('INTEGRITY_FAILED', 'The store key has the wrong length.');
  return key;
}
