// Wraps the store key with a random key kept in a local file (mode 0600). This
// is the browser host's default when no EHRBS_PASSPHRASE is given: it protects
// a copied database file, but not a copied data directory, and the host says so.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { open, seal } from './aes-gcm';
import type { KeyWrapper } from './key-wrapper';

const AAD = 'ehrbs:store-key:key-file:v1';

export class LocalKeyFileWrapper implements KeyWrapper {
  readonly kind = 'key-file';

  constructor(private readonly path: string) {}

  private fileKey(create: boolean): Buffer {
    if (existsSync(this.path)) {
      const key = Buffer.from(readFileSync(this.path, 'utf8').trim(), 'hex');
      if (key.length !== 32)
        throw new AppError('INTEGRITY_FAILED', 'The device key file is damaged.');
      return key;
    }
    if (!create)
      throw new AppError(
        'WRONG_KEY',
        'The device key file is missing: the store cannot be unlocked.',
      );
    const key = randomBytes(32);
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    return key;
  }

  async wrap(rawKey: Buffer): Promise<Buffer> {
    return seal(this.fileKey(true), rawKey, AAD);
  }

  async unwrap(wrapped: Buffer): Promise<Buffer> {
    const key = open(this.fileKey(false), wrapped, AAD);
    if (!key) throw new AppError('WRONG_KEY', 'The device key does not match this store.');
    return key;
  }
}
