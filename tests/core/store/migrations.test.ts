import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/store/migrate';
import { latestSchemaVersion, migrations } from '../../../electron/core/store/migrations';
import { openEncryptedDatabase } from '../../../electron/core/store/open-database';
import { ClinicStore } from '../../../electron/core/store/clinic-store';
import { storePaths } from '../../../electron/core/store/paths';
import { entityTables } from '../../../shared/domain/entities';
import { tempDir, testWrapper } from '../helpers';

const tables = (db: ReturnType<typeof openEncryptedDatabase>) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('migrations', () => {
  it('bring an empty database to the latest schema with every entity table', () => {
    const t = tempDir();
    const db = openEncryptedDatabase(join(t.dir, 'x.db'), randomBytes(32), { create: true });
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toBe(latestSchemaVersion);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(tables(db)).toEqual(
      expect.arrayContaining([...entityTables, 'audit_logs', 'sync_outbox']),
    );
    expect(migrate(db)).toBe(latestSchemaVersion); // idempotent
    db.close();
    t.cleanup();
  });

  it('are consecutive from 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('apply all pending ones in one transaction: a failing one leaves nothing behind', () => {
    const t = tempDir();
    const db = openEncryptedDatabase(join(t.dir, 'x.db'), randomBytes(32), { create: true });
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (x INTEGER); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).not.toContain('a');
    db.close();
    t.cleanup();
  });

  it('refuse a store written by a newer app, clearly, and change nothing', async () => {
    const t = tempDir();
    const store = await ClinicStore.create(t.dir, testWrapper());
    store.db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    store.close();
    const before = readFileSync(storePaths(t.dir).database);
    const err = await ClinicStore.open(t.dir, testWrapper()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'STORE_NEWER_THAN_APP' });
    expect((err as Error).message).toMatch(/newer EHRBS.*Update the app/);
    expect(readFileSync(storePaths(t.dir).database).equals(before)).toBe(true);
    t.cleanup();
  });
});
