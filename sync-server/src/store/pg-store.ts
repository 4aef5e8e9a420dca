// The PostgreSQL store, for many clinics and several stateless server
// instances over one database. Every method is one transaction; pushes of a
// clinic are serialized by a lock on its tenant row (pg-push.ts).
import pg from 'pg';
import type { AuditLog } from '../../../shared/domain/audit-log';
import { AppError } from '../../../shared/errors';
import type { PulledChange } from '../../../shared/sync/protocol';
import { buildPullPage } from '../sync/page';
import { buildSnapshotPage } from '../sync/snapshot-page';
import { buildAuditPage } from '../sync/audit-page';
import { assertEnrollmentUsable, type EnrollmentRow } from './enrollment-rules';
import {
  PG_MIGRATION_2,
  PG_MIGRATION_3,
  PG_MIGRATION_4,
  PG_MIGRATION_LOCK,
  PG_SCHEMA,
  PG_SCHEMA_VERSION,
  PG_VERSION_TABLE,
} from './pg-schema';
import { pgPush } from './pg-push';
import {
  minuteBefore,
  toChange,
  toDevice,
  toSequencedChange,
  type ChangeRow,
  type DeviceRow,
} from './rows';
import type { NewDevice, StoreCounts, SyncStore } from './types';

const isUniqueViolation = (e: unknown): boolean =>
  e instanceof Error && 'code' in e && e.code === '23505';

export async function openPgStore(connectionString: string): Promise<SyncStore> {
  // Connections open on demand. 20 rather than node-postgres's 10: with 200 workstations a
  // push waits for its tenant's row lock while holding a connection, and at 10 the pulls
  // queued behind them (bench/sync-concurrency.bench.ts: PostgreSQL p99 324 -> 234-259 ms).
  const pool = new pg.Pool({ connectionString, max: 20 });
  // An idle client's connection can drop (a database restart); without a listener that would crash the process.
  pool.on('error', () => undefined);

  async function tx<T>(fn: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query(begin);
      const result = await fn(c);
      await c.query('COMMIT');
      return result;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  try {
    await tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [PG_MIGRATION_LOCK]);
      await c.query(PG_VERSION_TABLE);
      const v = await c.query<{ version: number }>('SELECT version FROM ehrbs_schema');
      let version = v.rows[0]?.version;
      if (version !== undefined && version > PG_SCHEMA_VERSION) {
        throw new AppError(
          'STORE_NEWER_THAN_APP',
          'This database was written by a newer sync server. Update the server.',
        );
      }
      if (version === undefined) {
        await c.query(PG_SCHEMA);
        await c.query('INSERT INTO ehrbs_schema (version) VALUES (1)');
        version = 1;
      }
      if (version < 2) await c.query(PG_MIGRATION_2);
      if (version < 3) await c.query(PG_MIGRATION_3);
      if (version < 4) await c.query(PG_MIGRATION_4);
      await c.query('UPDATE ehrbs_schema SET version = $1', [PG_SCHEMA_VERSION]);
    });
  } catch (e) {
    await pool.end();
    throw e;
  }

  const insertDevice = (c: pg.PoolClient, d: NewDevice) =>
    c.query(
      'INSERT INTO devices (id, tenant_id, name, cert_fingerprint, cert_serial, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [d.id, d.tenantId, d.name, d.certFingerprint, d.certSerial, d.createdAt],
    );
  const enrollmentRow = async (c: pg.PoolClient | pg.Pool, id: string, lock: boolean) =>
    (
      await c.query<EnrollmentRow & { wrapped_clinic_key: string }>(
        `SELECT tenant_id, token_hash, expires_at, used_at, wrapped_clinic_key FROM enrollments WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
        [id],
      )
    ).rows[0];
  const count = async (sql: string, params: unknown[] = []) =>
    (await pool.query<{ n: number }>(sql.replace('count(*)', 'count(*)::int AS n'), params)).rows[0]
      ?.n ?? 0;
  const secret = async (name: string) =>
    (
      await pool.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [
        name,
      ])
    ).rows[0]?.value ?? null;

  return {
    kind: 'postgres',
    getSecret: secret,
    putSecretIfAbsent: async (name, value) => {
      await pool.query(
        'INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
        [name, value],
      );
      return (await secret(name)) ?? value;
    },
    replaceSecret: async (name, expected, value) => {
      await pool.query('UPDATE server_secrets SET value = $3 WHERE name = $1 AND value = $2', [
        name,
        expected,
        value,
      ]);
      return (await secret(name)) ?? value;
    },
    registerClinic: async (tenant, device) => {
      try {
        await tx(async (c) => {
          await c.query('INSERT INTO tenants (id, name, created_at) VALUES ($1, $2, $3)', [
            tenant.id,
            tenant.name,
            tenant.createdAt,
          ]);
          await insertDevice(c, device);
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('CONFLICT', 'This clinic or workstation is already registered.');
        throw e;
      }
    },
    createEnrollment: async (e) => {
      await pool.query(
        `INSERT INTO enrollments (id, tenant_id, created_by, token_hash, wrapped_clinic_key, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [e.id, e.tenantId, e.createdBy, e.tokenHash, e.wrappedClinicKey, e.createdAt, e.expiresAt],
      );
    },
    cancelEnrollment: async (id, tenantId, now) =>
      ((
        await pool.query(
          `UPDATE enrollments SET expires_at = $3
           WHERE id = $1 AND tenant_id = $2 AND used_at IS NULL AND expires_at > $3`,
          [id, tenantId, now],
        )
      ).rowCount ?? 0) > 0,
    checkEnrollment: async (id, tokenHash, now) => ({
      tenantId: assertEnrollmentUsable(await enrollmentRow(pool, id, false), tokenHash, now)
        .tenant_id,
    }),
    enrollDevice: async (id, tokenHash, now, device) => {
      try {
        return await tx(async (c) => {
          // FOR UPDATE: two instances redeeming one code at once see it one after the other.
          const row = await enrollmentRow(c, id, true);
          assertEnrollmentUsable(row, tokenHash, now);
          if (row?.tenant_id !== device.tenantId)
            throw new AppError('FORBIDDEN', 'This enrollment code belongs to another clinic.');
          await c.query('UPDATE enrollments SET used_at = $2, used_by = $3 WHERE id = $1', [
            id,
            now,
            device.id,
          ]);
          await insertDevice(c, device);
          return { wrappedClinicKey: row.wrapped_clinic_key };
        });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('CONFLICT', 'This workstation is already registered.');
        throw e;
      }
    },
    findDeviceByFingerprint: async (fp) => {
      const row = (
        await pool.query<DeviceRow>('SELECT * FROM devices WHERE cert_fingerprint = $1', [fp])
      ).rows[0];
      return row ? toDevice(row) : null;
    },
    listDevices: async (tenantId) => {
      const r =
        tenantId === undefined
          ? await pool.query<DeviceRow>('SELECT * FROM devices ORDER BY tenant_id, created_at, id')
          : await pool.query<DeviceRow>(
              'SELECT * FROM devices WHERE tenant_id = $1 ORDER BY created_at, id',
              [tenantId],
            );
      return r.rows.map(toDevice);
    },
    revokeDevice: async (deviceId, now) => {
      const r = await pool.query(
        'UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1',
        [deviceId, now],
      );
      return (r.rowCount ?? 0) > 0;
    },
    deviceActivity: async (tenantId) =>
      (
        await pool.query<{
          id: string;
          last_seen_at: string | null;
          last_audit_seq: number | null;
        }>(
          `SELECT d.id, d.last_seen_at,
             (SELECT max(a.device_seq) FROM audit a WHERE a.device_id = d.id) AS last_audit_seq
           FROM devices d WHERE d.tenant_id = $1`,
          [tenantId],
        )
      ).rows.map((r) => ({
        deviceId: r.id,
        lastSeenAt: r.last_seen_at,
        lastAuditSeq: Number(r.last_audit_seq ?? 0),
      })),
    touchDevice: async (deviceId, now) => {
      await pool.query(
        'UPDATE devices SET last_seen_at = $2 WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < $3)',
        [deviceId, now, minuteBefore(now)],
      );
    },
    renameDevice: async (tenantId, deviceId, name) =>
      ((
        await pool.query('UPDATE devices SET name = $3 WHERE id = $1 AND tenant_id = $2', [
          deviceId,
          tenantId,
          name,
        ])
      ).rowCount ?? 0) > 0,
    lastSeq: async (tenantId) =>
      Number(
        (
          await pool.query<{ last_seq: string }>('SELECT last_seq FROM tenants WHERE id = $1', [
            tenantId,
          ])
        ).rows[0]?.last_seq ?? 0,
      ),
    push: (input) => tx((c) => pgPush(c, input)),
    // Both reads in one statement, so one snapshot (otherwise a push committing between
    // them could put a later audit entry on this page while an earlier change is missed),
    // in one round trip instead of four (BEGIN, two SELECTs, COMMIT) on a pooled connection.
    pull: async (tenantId, after, limit, excludeDevice = null) => {
      const rows = (
        await pool.query<ChangeRow & { entry: string | null }>(
          `(SELECT seq, tbl, row_id, cols, hlc, value, NULL AS entry FROM changes
             WHERE tenant_id = $1 AND seq > $2 AND device_id <> $4 ORDER BY seq LIMIT $3)
           UNION ALL
           (SELECT seq, NULL, NULL, NULL, NULL, NULL, entry FROM audit
             WHERE tenant_id = $1 AND seq > $2 AND device_id <> $4 ORDER BY seq LIMIT $3)
           UNION ALL
           (SELECT last_seq, NULL, NULL, NULL, NULL, NULL, NULL FROM tenants WHERE id = $1)`,
          [tenantId, after, limit + 1, excludeDevice ?? ''],
        )
      ).rows;
      let lastSeq = after;
      const tail = rows.findIndex((r) => r.tbl === null && r.entry === null);
      if (tail >= 0) lastSeq = Number(rows.splice(tail, 1)[0]?.seq ?? after);
      const changes: PulledChange[] = [];
      const audit: { seq: number; entry: AuditLog }[] = [];
      for (const r of rows) {
        if (r.entry === null) changes.push({ ...toChange(r), serverSeq: Number(r.seq) });
        else audit.push({ seq: Number(r.seq), entry: JSON.parse(r.entry) as AuditLog });
      }
      // UNION ALL keeps no order across its parts: each kind in sequence order again.
      changes.sort((a, b) => a.serverSeq - b.serverSeq);
      audit.sort((a, b) => a.seq - b.seq);
      return buildPullPage(after, limit, changes, audit, lastSeq);
    },
    snapshot: async (tenantId, fixedCursor, after, limit) => {
      const seq = await pool.query<{ last_seq: string }>(
        'SELECT last_seq FROM tenants WHERE id = $1',
        [tenantId],
      );
      const cursor = fixedCursor ?? Number(seq.rows[0]?.last_seq ?? 0);
      // Keyset paging in sequence order (the log's primary key).
      const rows = (
        await pool.query<ChangeRow>(
          `SELECT seq, tbl, row_id, cols, hlc, value FROM changes
           WHERE tenant_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
          [tenantId, after ?? 0, cursor, limit + 1],
        )
      ).rows;
      const total =
        after !== null
          ? undefined
          : await count('SELECT count(*) FROM changes WHERE tenant_id = $1 AND seq <= $2', [
              tenantId,
              cursor,
            ]);
      return buildSnapshotPage(cursor, rows.map(toSequencedChange), limit, total);
    },
    // One index probe per device (audit_by_device, newest first), never a scan of the log.
    auditTips: async (tenantId, upTo) => {
      const r = await pool.query<{ deviceId: string; deviceSeq: number; hash: string }>(
        `SELECT a.device_id AS "deviceId", a.device_seq AS "deviceSeq", a.hash AS hash
         FROM devices d JOIN audit a ON a.device_id = d.id AND a.device_seq = (
           SELECT x.device_seq FROM audit x WHERE x.device_id = d.id AND x.seq <= $1
           ORDER BY x.device_seq DESC LIMIT 1)
         WHERE d.tenant_id = $2 AND a.tenant_id = d.tenant_id ORDER BY a.device_id`,
        [upTo, tenantId],
      );
      return r.rows.map((t) => ({ ...t, deviceSeq: Number(t.deviceSeq) }));
    },
    auditPage: async (tenantId, after, upTo, limit) => {
      const r = await pool.query<{ seq: string; entry: string }>(
        'SELECT seq, entry FROM audit WHERE tenant_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4',
        [tenantId, after, upTo, limit + 1],
      );
      return buildAuditPage(after, limit, r.rows);
    },
    counts: async (now): Promise<StoreCounts> => ({
      tenants: await count('SELECT count(*) FROM tenants'),
      devices: await count('SELECT count(*) FROM devices'),
      revokedDevices: await count('SELECT count(*) FROM devices WHERE revoked_at IS NOT NULL'),
      changes: await count('SELECT count(*) FROM changes'),
      cells: await count(
        `SELECT coalesce(sum(array_length(string_to_array(e->>2, ','), 1)), 0)::int AS n
         FROM row_cells, json_array_elements(row_cells.cells::json) AS e`,
      ),
      auditEntries: await count('SELECT count(*) FROM audit'),
      openEnrollments: await count(
        'SELECT count(*) FROM enrollments WHERE used_at IS NULL AND expires_at > $1',
        [now],
      ),
    }),
    close: () => pool.end(),
  };
}
