import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/store/migrate';
import { latestSchemaVersion, migrations } from '../../../electron/core/store/migrations';
import { openEncryptedDatabase } from '../../../electron/core/store/open-database';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { storePaths } from '../../../electron/core/store/paths';
import { entityTables } from '../../../shared/domain/entities';
import { tempDir, testWrapper } from '../helpers';
import { writableDb } from '../../../electron/core/clinic/writable-db';

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

  it("are strictly ascending from 1 (004 is another branch's number until it is merged)", () => {
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    for (let i = 1; i < versions.length; i++)
      expect(versions[i]).toBeGreaterThan(versions[i - 1] ?? Infinity);
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
    writableDb(store).pragma(`user_version = ${latestSchemaVersion + 1}`);
    store.close();
    const before = readFileSync(storePaths(t.dir).database);
    const err = await ClinicStore.open(t.dir, testWrapper()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'STORE_NEWER_THAN_APP' });
    expect((err as Error).message).toMatch(/newer EHRBS.*Update the app/);
    expect(readFileSync(storePaths(t.dir).database).equals(before)).toBe(true);
    t.cleanup();
  });
});

describe('migration 2 (lean audit indexes)', () => {
  it('drops the two write-heavy audit indexes and keeps the push watermark of a version-1 store', async () => {
    const t = tempDir();
    const db = openEncryptedDatabase(join(t.dir, 'x.db'), randomBytes(32), { create: true });
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO local_meta (key, value) VALUES ('deviceId', 'dev-1')").run();
    const insert = db.prepare(
      `INSERT INTO audit_logs (id, tenantId, userId, action, tableAffected, recordId, timestamp, deviceId, deviceSeq, prevHash, hash, detail, pushed)
       VALUES (?, 't', NULL, 'read', 'patients', NULL, '2026-01-01T00:00:00.000Z', 'dev-1', ?, ?, ?, '', ?)`,
    );
    for (let seq = 1; seq <= 3; seq++)
      insert.run(`a${seq}`, seq, '0'.repeat(64), '0'.repeat(64), seq <= 2 ? 1 : 0);
    expect(migrate(db)).toBe(latestSchemaVersion);
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(indexes).not.toContain('audit_time');
    expect(indexes).not.toContain('audit_unpushed');
    expect(indexes).toContain('audit_device_seq');
    expect(
      db.prepare("SELECT value FROM local_meta WHERE key = 'sync:auditPushedSeq'").get(),
    ).toEqual({ value: '2' });
    db.close();
    t.cleanup();
  });
});
