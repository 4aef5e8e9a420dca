// Wraps the store key with a key derived from a passphrase (scrypt, node:crypto).
// Used by the headless modes: the `ehrbs` tool, the browser host, tests.
import { randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { open, seal } from './aes-gcm';
import type { KeyWrapper } from './key-wrapper';

const AAD = 'ehrbs:store-key:v1';
/** OWASP's scrypt floor is N=2^17 with r=8; 2^15 keeps unlocking near 100 ms on a clinic PC. */
const DEFAULT_COST = { N: 2 ** 15, r: 8, p: 1 };

/**
 * The costs a key file may ask for. A file asking for more (N = 2^24 needs
 * 16 GiB and minutes of work) is damaged or hostile: it is refused before
 * any work, rather than hanging or failing inside scrypt.
 */
const MAX_LOG_N = 20;
const MAX_MEMORY = 256 * 1024 * 1024;

const Envelope = z.object({
  v: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string(),
  sealed: z.string(),
});

const reasonableCost = (e: { N: number; r: number; p: number }): boolean =>
  Number.isInteger(Math.log2(e.N)) &&
  e.N >= 2 ** 10 &&
  e.N <= 2 ** MAX_LOG_N &&
  e.r <= 32 &&
  e.p <= 16 &&
  128 * e.N * e.r <= MAX_MEMORY;

const scrypt = (passphrase: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scryptCb(
      passphrase.normalize('NFKC'),
      salt,
      32,
      { ...opts, maxmem: MAX_MEMORY + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );

export class PassphraseKeyWrapper implements KeyWrapper {
  readonly kind = 'scrypt';

  constructor(
    private readonly passphrase: string,
    private readonly cost = DEFAULT_COST,
  ) {
    if (passphrase.length < 8) {
      throw new AppError(
        'VALIDATION_FAILED',
        'The store passphrase must be at least 8 characters.',
      );
    }
  }

  async wrap(rawKey: Buffer): Promise<Buffer> {
    const salt = randomBytes(16);
    const kek = await scrypt(this.passphrase, salt, this.cost);
    const envelope: z.infer<typeof Envelope> = {
      v: 1,
      kdf: 'scrypt',
      ...this.cost,
      salt: salt.toString('base64'),
      sealed: seal(kek, rawKey, AAD).toString('base64'),
    };
    return Buffer.from(JSON.stringify(envelope), 'utf8');
  }

  async unwrap(wrapped: Buffer): Promise<Buffer> {
    let envelope: z.infer<typeof Envelope>;
    try {
      envelope = Envelope.parse(JSON.parse(wrapped.toString('utf8')));
    } catch {
      throw new AppError(
        'INTEGRITY_FAILED',
        'The store key file is damaged or not an EHRBS key file.',
      );
    }
    if (!reasonableCost(envelope)) {
      throw new AppError(
        'INTEGRITY_FAILED',
        `The store key file asks for an unreasonable key-derivation cost (scrypt N=${envelope.N}, r=${envelope.r}, p=${envelope.p}): it is damaged or was tampered with. Nothing was changed.`,
      );
    }
    const kek = await scrypt(this.passphrase, Buffer.from(envelope.salt, 'base64'), envelope);
    const key = open(kek, Buffer.from(envelope.sealed, 'base64'), AAD);
    if (!key) throw new AppError('WRONG_KEY', 'Wrong passphrase: the store could not be unlocked.');
    return key;
  }
}
