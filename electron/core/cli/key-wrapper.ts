// The passphrase key wrapper the CLI uses, with the scrypt cost it creates
// new key files with. Existing key files carry their own cost, so this only
// matters for `init`, `demo` and anything else that writes a key file.
import { AppError } from '../../../shared/errors';
import { PassphraseKeyWrapper } from '../keys/passphrase-wrapper';
import { PASSPHRASE, readSecret } from './secrets';

/** The production cost (N = 2^15). */
const DEFAULT_LOG_N = 15;

/**
 * EHRBS_SCRYPT_LOG_N lowers the cost FOR TESTS ONLY, so a test suite that
 * creates dozens of stores stays fast. Never set it for a real clinic: it makes
 * the passphrase far cheaper to guess.
 */
export function scryptCost(env: NodeJS.ProcessEnv = process.env): {
  N: number;
  r: number;
  p: number;
} {
  const raw = env['EHRBS_SCRYPT_LOG_N'];
  const logN = raw === undefined || raw === '' ? DEFAULT_LOG_N : Number(raw);
  if (!Number.isInteger(logN) || logN < 4 || logN > 20) {
    throw new AppError(
      'VALIDATION_FAILED',
      'EHRBS_SCRYPT_LOG_N must be a whole number from 4 to 20.',
    );
  }
  return { N: 2 ** logN, r: 8, p: 1 };
}

/** The wrapper for EHRBS_PASSPHRASE; `forNewStore` asks twice when prompting. */
export async function passphraseWrapper(
  opts: { forNewStore?: boolean } = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<PassphraseKeyWrapper> {
  const cost = scryptCost(env);
  const confirm = opts.forNewStore === true;
  return new PassphraseKeyWrapper(await readSecret({ ...PASSPHRASE, confirm }, env), cost);
}
