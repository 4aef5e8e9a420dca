// A store written by the version-1 server (a change log with every change and
// a separate table of cells) opened by this one: the log is compacted to the
// winner of each cell (schema 2), each winner becomes a one-column change with
// a per-row winners index (schema 4, protocol 3), nothing a workstation needs
// is lost, and pushes go on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, SQLITE_FILE } from '../../../sync-server/src/store/sqlite-store';
import { openPgStore } from '../../../sync-server/src/store/pg-store';
import { SQLITE_SCHEMA } from '../../../sync-server/src/store/sqlite-schema';
import { PG_SCHEMA, PG_VERSION_TABLE } from '../../../sync-server/src/store/pg-schema';
import type { SyncStore } from '../../../sync-server/src/store/types';
import { FakeDevice } from '../helpers/fixtures';
import { createTempDatabase } from '../helpers/pg';

const tenantId = randomUUID();
const dev = new FakeDevice(tenantId);
const row = randomUUID();
// Two changes of one cell (the second won) and one of another cell, as version 1 stored them.
const [first, second, other] = [
  dev.change('patients', row, 'notes', 'one'),
  dev.change('patients', row, 'notes', 'two'),
  dev.change('patients', row, 'email', 'e'),
];
const log = [first, second, other].map((c, i) => ({ ...c, seq: i + 1 }));
const winners = [log[1], log[2]];
const now = new Date().toISOString();

type Exec = (sql: string, params: unknown[]) => Promise<unknown>;

async function fillVersion1(exec: Exec, p: (n: number) => string): Promise<void> {
  const v = (n: number) => Array.from({ length: n }, (_, i) => p(i + 1)).join(', ');
  await exec(`INSERT INTO tenants (id, name, last_seq, created_at) VALUES (${v(4)})`, [
    tenantId,
    'Clinic',
    3,
    now,
  ]);
  await exec(
    `INSERT INTO devices (id, tenant_id, name, cert_fingerprint, cert_serial, created_at) VALUES (${v(6)})`,
    [dev.deviceId, tenantId, 'D', randomUUID(), '01', now],
  );
  for (const c of log)
    await exec(
      `INSERT INTO changes (tenant_id, seq, tbl, row_id, col, hlc, value, device_id) VALUES (${v(8)})`,
      [tenantId, c.seq, c.table, c.rowId, c.columns[0], c.hlc, c.value, dev.deviceId],
    );
  for (const c of winners)
    await exec(
      `INSERT INTO cells (tenant_id, tbl, row_id, col, hlc, value, seq) VALUES (${v(7)})`,
      [tenantId, c?.table, c?.rowId, c?.columns[0], c?.hlc, c?.value, c?.seq],
    );
}

async function expectMigrated(store: SyncStore): Promise<void> {
  const page = await store.pull(tenantId, 0, 100);
  expect(page.changes.map((c) => [c.columns, c.serverSeq])).toEqual([
    [['notes'], 2],
    [['email'], 3],
  ]);
  expect(page).toMatchObject({ nextCursor: 3, hasMore: false });
  const snap = await store.snapshot(tenantId, null, null, 10);
  // Each stored cell is now a one-column change (its value untouched), in sequence order.
  expect(snap.changes).toEqual([second, other]);
  expect(snap).toMatchObject({ cursor: 3, total: 2 });
  // Pushes go on against the compacted log: a newer value replaces the winner.
  const newer = dev.change('patients', row, 'notes', 'three');
  expect(
    await store.push({
      tenantId,
      deviceId: dev.deviceId,
      batchId: randomUUID(),
      changes: [newer, first],
      audit: [],
      now,
    }),
  ).toEqual({ accepted: 1, duplicates: 1, serverSeq: 4 });
  expect((await store.counts(now)).changes).toBe(2);
  // The row's winners index came from the old cells: a sealed change of both columns
  // with an HLC older than both winners is not stored.
  const stale = dev.rowChange('patients', row, { notes: 'x', email: 'y' }, first.hlc);
  expect(
    await store.push({
      tenantId,
      deviceId: dev.deviceId,
      batchId: randomUUID(),
      changes: [stale],
      audit: [],
      now,
    }),
  ).toMatchObject({ accepted: 0, duplicates: 1 });
  expect((await store.counts(now)).cells).toBe(2);
}

describe('opening a version-1 server store', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('compacts a SQLite store to one change per cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ehrbs-migrate-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const db = new Database(join(dir, SQLITE_FILE));
    db.exec(SQLITE_SCHEMA);
    db.pragma('user_version = 1');
    await fillVersion1(
      async (sql, params) => db.prepare(sql).run(...params),
      () => '?',
    );
    db.close();
    const store = openSqliteStore(dir);
    cleanups.push(() => store.close());
    await expectMigrated(store);
  });

  it('compacts a PostgreSQL store to one change per cell', async () => {
    const database = await createTempDatabase();
    cleanups.push(() => database.drop());
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(PG_VERSION_TABLE);
    await client.query(PG_SCHEMA);
    await client.query('INSERT INTO ehrbs_schema (version) VALUES (1)');
    await fillVersion1(
      (sql, params) => client.query(sql, params),
      (n) => `$${n}`,
    );
    await client.end();
    const store = await openPgStore(database.url);
    cleanups.push(() => store.close());
    await expectMigrated(store);
  });
});
