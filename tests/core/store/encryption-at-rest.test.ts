import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storePaths } from '../../../electron/core/store/paths';
import { clinicWorld } from '../world';
import { writableDb } from '../../../electron/core/clinic/writable-db';

const secrets = [
  'Quixotewright',
  'Zebulon',
  'sarcoidosis-marker-7731',
  'lupus-marker-5521',
  'Orchard Lane',
];

const containsAny = (bytes: Buffer) =>
  secrets.filter(
    (s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le')),
  );

describe('encryption at rest', () => {
  it('keeps patient names, note text and message text out of the database file and its WAL', async () => {
    const w = await clinicWorld();
    try {
      const paths = storePaths(w.dir);
      // The store is still open: its newest pages live in the WAL, which must be encrypted too.
      expect(existsSync(`${paths.database}-wal`)).toBe(true);
      expect(containsAny(readFileSync(`${paths.database}-wal`))).toEqual([]);
      expect(containsAny(readFileSync(paths.database))).toEqual([]);
      expect(containsAny(readFileSync(paths.wrappedKey))).toEqual([]);
      // And the data really is there, readable through the core.
      expect(
        w.services.patients.search(w.desk, { query: 'Quixo', offset: 0, limit: 10 }).total,
      ).toBe(1);
    } finally {
      w.close();
    }
    const paths = storePaths(w.dir);
    expect(existsSync(paths.database)).toBe(false); // cleaned up with the temp dir
  });

  it('stores clinical payloads as ciphertext inside the decrypted database too', async () => {
    const w = await clinicWorld();
    try {
      const row = writableDb(w.store)
        .prepare('SELECT encryptedData, encryptionKey FROM medical_records')
        .get() as {
        encryptedData: string;
        encryptionKey: string;
      };
      expect(row.encryptedData).toMatch(/^v1\./);
      expect(row.encryptedData).not.toContain('sarcoidosis');
      expect(row.encryptionKey).toMatch(/^v1\.ck-[0-9a-f]{8}\./);
      const msg = writableDb(w.store).prepare('SELECT encryptedMessage FROM messages').get() as {
        encryptedMessage: string;
      };
      expect(Buffer.from(msg.encryptedMessage.slice(3), 'base64').toString('latin1')).not.toContain(
        'lupus',
      );
    } finally {
      w.close();
    }
  });
});
