// Which key wrapper the browser host uses: a passphrase when one is given
// (EHRBS_PASSPHRASE), otherwise a random key in a local file beside the store.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyWrapper } from '../keys/key-wrapper';
import { LocalKeyFileWrapper } from '../keys/key-file-wrapper';
import { PassphraseKeyWrapper } from '../keys/passphrase-wrapper';

export interface HostKeyChoice {
  wrapper: KeyWrapper;
  /** One line for the console, or null when there is nothing to point out. */
  notice: string | null;
}

export function chooseHostKeyWrapper(dataDir: string, passphrase: string | null): HostKeyChoice {
  if (passphrase !== null) return { wrapper: new PassphraseKeyWrapper(passphrase), notice: null };
  const keyFile = join(dataDir, 'device.key');
  // Before first run the file does not exist yet: say what will happen, not what is.
  const where = existsSync(keyFile)
    ? `The store key is kept in ${keyFile}`
    : `The store key will be kept in ${keyFile} once a clinic is created`;
  return {
    wrapper: new LocalKeyFileWrapper(keyFile),
    notice:
      `${where} (protects a copied database file, not a copied ` +
      'data folder); set EHRBS_PASSPHRASE to protect it with a passphrase instead.',
  };
}
