// The safeStorage key wrapper against a fake safeStorage (Electron cannot run
// in tests). The fake "encrypts" with a per-instance XOR pad, enough to tell
// one machine's blobs from another's.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SafeStorageKeyWrapper } from '../../electron/main/safe-storage-wrapper';
import type { SafeStorageLike } from '../../electron/main/safe-storage-wrapper';
import { AppError } from '../../shared/errors';

function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  const pad = randomBytes(64);
  const xor = (b: Buffer) => Buffer.from(b.map((byte, i) => byte ^ (pad[i % pad.length] ?? 0)));
  const magic = Buffer.from('v10');
  return {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (text) => Buffer.concat([magic, xor(Buffer.from(text, 'utf8'))]),
    decryptStringAsync: async (blob) => {
      if (!blob.subarray(0, 3).equals(magic))
        throw new Error('Error while decrypting the ciphertext');
      return { result: xor(blob.subarray(3)).toString('utf8') };
    },
  };
}

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof AppError ? e.code : 'untyped error';
  }
};

describe('safeStorage key wrapper', () => {
  it('round-trips the raw key and never stores it in the clear', async () => {
    const wrapper = new SafeStorageKeyWrapper(fakeSafeStorage(), 'linux');
    const key = randomBytes(32);
    const wrapped = await wrapper.wrap(key);
    expect(wrapped.includes(key)).toBe(false);
    expect(wrapped.toString('utf8')).not.toContain(key.toString('base64'));
    expect((await wrapper.unwrap(wrapped)).equals(key)).toBe(true);
    expect(wrapper.kind).toBe('safeStorage');
  });

  it('refuses the Linux basic_text backend with a message saying what to do', async () => {
    const wrapper = new SafeStorageKeyWrapper(fakeSafeStorage({ backend: 'basic_text' }), 'linux');
    const attempt = wrapper.wrap(randomBytes(32));
    await expect(attempt).rejects.toThrow(/keyring/);
    expect(await codeOf(wrapper.unwrap(Buffer.from('v10xx')))).toBe('UNAVAILABLE');
  });

  it('does not ask for a Linux backend on other platforms', async () => {
    const storage = fakeSafeStorage({ backend: 'basic_text' });
    const wrapper = new SafeStorageKeyWrapper(storage, 'win32');
    await expect(wrapper.wrap(randomBytes(32))).resolves.toBeInstanceOf(Buffer);
  });

  it('refuses when encryption is not available', async () => {
    const wrapper = new SafeStorageKeyWrapper(fakeSafeStorage({ available: false }), 'darwin');
    expect(await codeOf(wrapper.wrap(randomBytes(32)))).toBe('UNAVAILABLE');
  });

  it('reports WRONG_KEY for a blob another account or machine wrapped', async () => {
    const key = randomBytes(32);
    const elsewhere = await new SafeStorageKeyWrapper(fakeSafeStorage(), 'linux').wrap(key);
    const here = new SafeStorageKeyWrapper(fakeSafeStorage(), 'linux');
    expect(await codeOf(here.unwrap(elsewhere))).toBe('WRONG_KEY');
    expect(await codeOf(here.unwrap(Buffer.from('garbage')))).toBe('WRONG_KEY');
  });
});
