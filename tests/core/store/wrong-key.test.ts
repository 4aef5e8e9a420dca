import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { openEncryptedDatabase } from '../../../electron/core/store/open-database';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { storePaths } from '../../../electron/core/store/paths';
import { clinicFixture, testWrapper } from '../helpers';

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );

describe('a wrong key', () => {
  it('is refused with WRONG_KEY and leaves every file as it was', async () => {
    const f = await clinicFixture();
    f.store.close();
    const before = snapshot(f.dir);
    const err = await ClinicStore.open(f.dir, testWrapper('not the passphrase')).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('WRONG_KEY');
    expect((err as AppError).message).toMatch(/wrong passphrase/i);
    expect(snapshot(f.dir)).toEqual(before);
    // The right passphrase still opens it.
    const again = await ClinicStore.open(f.dir, testWrapper());
    expect(again.tenantId).not.toBeNull();
    again.close();
    f.close();
  });

  it('a raw key that unwraps but does not decrypt the file is reported as damage, and changes nothing', async () => {
    const f = await clinicFixture();
    f.store.close();
    const before = snapshot(f.dir);
    const wrongRaw = Buffer.alloc(32, 7);
    expect(() =>
      openEncryptedDatabase(storePaths(f.dir).database, wrongRaw, { create: false }),
    ).toThrow(
      expect.objectContaining({
        code: 'INTEGRITY_FAILED',
        message: expect.stringMatching(/damaged/),
      }),
    );
    expect(snapshot(f.dir)).toEqual(before);
    f.close();
  });
});
