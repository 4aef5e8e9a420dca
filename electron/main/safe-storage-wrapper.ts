// Wraps the store's raw key with Electron's safeStorage (the OS keychain on
// macOS, DPAPI on Windows, libsecret/kwallet on Linux), as Signal Desktop does.
// On Linux without a keyring safeStorage falls back to `basic_text`, which
// "encrypts" with a hard-coded password: that is no protection for patient
// data, so it is refused with a message saying what to do instead.
import type { KeyWrapper } from '../core/keys/key-wrapper';
import { AppError } from '../../shared/errors';

/** The parts of Electron's safeStorage used here (a fake in tests). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
  /** Linux only. */
  getSelectedStorageBackend(): string;
}

export class SafeStorageKeyWrapper implements KeyWrapper {
  readonly kind = 'safeStorage';

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async wrap(rawKey: Buffer): Promise<Buffer> {
    await this.ensureUsable();
    // safeStorage encrypts strings; base64 carries the key bytes losslessly.
    return this.safeStorage.encryptStringAsync(rawKey.toString('base64'));
  }

  async unwrap(wrapped: Buffer): Promise<Buffer> {
    await this.ensureUsable();
    let text: string;
    try {
      ({ result: text } = await this.safeStorage.decryptStringAsync(wrapped));
    } catch {
      throw wrongKey();
    }
    // A blob from another machine or user can "decrypt" to garbage instead of failing.
    const key = Buffer.from(text, 'base64');
    if (text === '' || key.toString('base64') !== text) throw wrongKey();
    return key;
  }

  /** Refuses when the OS offers no real protection; called before every use. */
  private async ensureUsable(): Promise<void> {
    if (
      this.platform === 'linux' &&
      this.safeStorage.getSelectedStorageBackend() === 'basic_text'
    ) {
      throw new AppError(
        'UNAVAILABLE',
        'This computer has no system keyring (such as GNOME Keyring or KWallet), so the clinic ' +
          'data cannot be protected here. Install and unlock a keyring, or use the browser ' +
          'mode with a passphrase (EHRBS_PASSPHRASE).',
      );
    }
    const available = await this.safeStorage.isAsyncEncryptionAvailable().catch(() => false);
    if (!available) {
      throw new AppError(
        'UNAVAILABLE',
        "The system's secure storage is not available, so the clinic data cannot be unlocked. " +
          'Log in to your desktop session (so its keyring is unlocked) and start the app again.',
      );
    }
  }
}

const wrongKey = (): AppError =>
  new AppError(
    'WRONG_KEY',
    'The clinic data on this computer was protected by another user account or computer and cannot be opened here.',
  );
