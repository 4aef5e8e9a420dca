// The server key: 32 bytes that encrypt the private keys the server keeps (the
// CA's in the store, this instance's TLS key in its data directory) with
// AES-256-GCM, so a copy of the database alone reveals no private key. It is
// never in the database: either EHRBS_SERVER_KEY (base64 of 32 bytes; the way
// for PostgreSQL deployments, the same value on every instance) or the file
// `server-key` (0600) in the data directory, created at the first start.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { privateDir } from './private-files';

export const SERVER_KEY_FILE = 'server-key';
export const SERVER_KEY_ENV = 'EHRBS_SERVER_KEY';
/** Marks a sealed value; anything else in a secret slot is an older clear one. */
const SEALED_PREFIX = 'aes256gcm:v1:';

export interface ServerKey {
  /** Where it came from, for messages: never the key itself. */
  readonly source: 'environment' | 'file';
  seal(purpose: string, plain: string): string;
  /** The plain text; WRONG_KEY with one clear line if this key did not seal it. */
  open(purpose: string, sealed: string): string;
}

export const isSealed = (value: string): boolean => value.startsWith(SEALED_PREFIX);

function parseKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || key.length !== 32) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${where} is not a server key: it must be 32 bytes in base64 (for example: openssl rand -base64 32).`,
    );
  }
  return key;
}

export function makeServerKey(key: Buffer, source: ServerKey['source']): ServerKey {
  const where = source === 'environment' ? SERVER_KEY_ENV : `the ${SERVER_KEY_FILE} file`;
  return {
    source,
    seal(purpose, plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(`ehrbs:server:${purpose}`));
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return SEALED_PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    open(purpose, sealed) {
      const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
      try {
        if (!isSealed(sealed) || raw.length < 28) throw new Error('not sealed');
        const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        d.setAAD(Buffer.from(`ehrbs:server:${purpose}`));
        d.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
      } catch {
        throw new AppError(
          'WRONG_KEY',
          `The server key (${where}) does not open the stored ${purpose} key: start with the server key this store was created with.`,
        );
      }
    },
  };
}

/**
 * EHRBS_SERVER_KEY if set, else `server-key` in the data directory (created 0600 at the
 * first start). Without either (PostgreSQL and no data directory) the server refuses to start.
 */
export function loadServerKey(options: { dataDir?: string; fromEnv?: string }): ServerKey {
  if (options.fromEnv)
    return makeServerKey(parseKey(options.fromEnv, SERVER_KEY_ENV), 'environment');
  if (!options.dataDir) {
    throw new AppError(
      'VALIDATION_FAILED',
      `No server key: set ${SERVER_KEY_ENV} (base64 of 32 bytes, the same on every instance) or give --data DIR.`,
    );
  }
  privateDir(options.dataDir);
  const file = join(options.dataDir, SERVER_KEY_FILE);
  if (!existsSync(file)) {
    try {
      // 'wx': two processes starting at once must not each write a different key.
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
    }
  }
  chmodSync(file, 0o600);
  return makeServerKey(parseKey(readFileSync(file, 'utf8'), file), 'file');
}
