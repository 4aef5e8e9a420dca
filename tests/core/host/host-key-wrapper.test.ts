// The browser host's start-up note about where the store key lives must be true
// when it is printed: before first run there is no key file yet.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseHostKeyWrapper } from '../../../electron/core/host/host-key-wrapper';
import { tempDir } from '../helpers';

describe('the host key notice', () => {
  it('says the key will be kept in device.key before that file exists, and is kept there after', () => {
    const t = tempDir();
    try {
      const before = chooseHostKeyWrapper(t.dir, null).notice ?? '';
      expect(before).toContain(`will be kept in ${join(t.dir, 'device.key')}`);
      expect(before).not.toContain('is kept in');
      writeFileSync(join(t.dir, 'device.key'), 'x');
      expect(chooseHostKeyWrapper(t.dir, null).notice).toContain(
        `is kept in ${join(t.dir, 'device.key')}`,
      );
    } finally {
      t.cleanup();
    }
  });

  it('says nothing when a passphrase protects the key', () => {
    const t = tempDir();
    expect(chooseHostKeyWrapper(t.dir, 'a long passphrase').notice).toBeNull();
    t.cleanup();
  });
});
