// Which key wrapper the browser host uses: a passphrase when one is given
// (EHRBS_PASSPHRASE), otherwise a random key in a local file beside the store.
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
  return {
    wrapper: new LocalKeyFileWrapper(keyFile),
    notice:
      `The store key is kept in ${keyFile} (protects a copied database file, not a copied ` +
      'data folder); set EHRBS_PASSPHRASE to protect it with a passphrase instead.',
  };
}
