// The embedded store: one SQLite file in the data directory, no set-up. The
// CLI may open the same file while the server runs (devices revoke), so WAL and
// a busy timeout let the two share it; every write is one transaction.
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { AuditLog } from '../../../shared/domain/audit-log';
import { AppError } from '../../../shared/errors';
import type { AuditTip, PulledChange } from '../../../shared/sync/protocol';
import { privateDir, touchPrivateFile } from '../secure/private-files';
import { buildPullPage } from '../sync/page';
import { buildSnapshotPage } from '../sync/snapshot-page';
import { buildAuditPage } from '../sync/audit-page';
import { groupCommit } from './group-commit';
import { makeSqlitePush } from './sqlite-push';
import { assertEnrollmentUsable, type EnrollmentRow } from './enrollment-rules';
import {
  SQLITE_MIGRATION_2,
  SQLITE_MIGRATION_3,
  SQLITE_MIGRATION_4,
  SQLITE_SCHEMA,
  SQLITE_SCHEMA_VERSION,
} from './sqlite-schema';
import {
  minuteBefore,
  toChange,
  toDevice,
  toSequencedChange,
  type ChangeRow,
  type DeviceRow,
} from './rows';
import type { NewDevice, NewEnrollment, StoreCounts, SyncStore } from './types';

export const SQLITE_FILE = 'sync.db';

const isUniqueViolation = (e: unknown): boolean =>
  e instanceof Error && 'code' in e && String(e.code).startsWith('SQLITE_CONSTRAINT');

export function openSqliteStore(dataDir: string): SyncStore {
  privateDir(dataDir);
  const file = join(dataDir, SQLITE_FILE);
  // Created 0600 before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
  touchPrivateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const extra of ['-wal', '-shm']) touchPrivateFile(file + extra);
  db.pragma('busy_timeout = 5000');
  // A push is acknowledged only once durable: the client then drops it from its outbox.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Pushes insert at random places in the change log's cell index (keys
  // start with random row ids); with SQLite's default 2 MiB page cache each insert into
  // a clinic of some size read pages back from the file. 64 MiB keeps the hot pages.
  db.pragma('cache_size = -65536');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SQLITE_SCHEMA_VERSION) {
    db.close();
    throw new AppError(
      'STORE_NEWER_THAN_APP',
      'This data directory was written by a newer sync server. Update the server.',
    );
  }
  if (version < SQLITE_SCHEMA_VERSION) {
    db.transaction(() => {
      if (version < 1) db.exec(SQLITE_SCHEMA);
      if (version < 2) db.exec(SQLITE_MIGRATION_2);
      if (version < 3) db.exec(SQLITE_MIGRATION_3);
      if (version < 4) db.exec(SQLITE_MIGRATION_4);
      db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
    }).immediate();
  }

  const insertDevice = (d: NewDevice) =>
    db
      .prepare(
        'INSERT INTO devices (id, tenant_id, name, cert_fingerprint, cert_serial, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(d.id, d.tenantId, d.name, d.certFingerprint, d.certSerial, d.createdAt);
  const enrollmentRow = (id: string) =>
    db
      .prepare('SELECT tenant_id, token_hash, expires_at, used_at FROM enrollments WHERE id = ?')
      .get(id) as EnrollmentRow | undefined;

  const push = groupCommit(db, makeSqlitePush(db));
  // Pull statements prepared once; '' matches no device (device ids are UUIDs).
  const pullStmts = {
    changes: db.prepare(
      'SELECT seq, tbl, row_id, cols, hlc, value FROM changes WHERE tenant_id = ? AND seq > ? AND device_id <> ? ORDER BY seq LIMIT ?',
    ),
    audit: db.prepare(
      'SELECT seq, entry FROM audit WHERE tenant_id = ? AND seq > ? AND device_id <> ? ORDER BY seq LIMIT ?',
    ),
    lastSeq: db.prepare('SELECT last_seq FROM tenants WHERE id = ?').pluck(),
  };

  const count = (sql: string, ...params: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...params) as number;

  return {
    kind: 'sqlite',
    getSecret: async (name) =>
      (db.prepare('SELECT value FROM server_secrets WHERE name = ?').pluck().get(name) as
        string | undefined) ?? null,
    putSecretIfAbsent: async (name, value) => {
      db.prepare(
        'INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
      ).run(name, value);
      return db
        .prepare('SELECT value FROM server_secrets WHERE name = ?')
        .pluck()
        .get(name) as string;
    },
    replaceSecret: async (name, expected, value) => {
      // secure_delete zeroes the old value's bytes in the file; the checkpoint empties the WAL,
      // so a clear private key replaced by its sealed form is nowhere in the files afterwards.
      db.pragma('secure_delete = ON');
      try {
        db.prepare('UPDATE server_secrets SET value = ? WHERE name = ? AND value = ?').run(
          value,
          name,
          expected,
        );
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.pragma('secure_delete = OFF');
      }
      return db
        .prepare('SELECT value FROM server_secrets WHERE name = ?')
        .pluck()
        .get(name) as string;
    },
    registerClinic: async (tenant, device) => {
      try {
        db.transaction(() => {
          db.prepare('INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)').run(
            tenant.id,
            tenant.name,
            tenant.createdAt,
          );
          insertDevice(device);
        }).immediate();
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('CONFLICT', 'This clinic or workstation is already registered.');
        throw e;
      }
    },
    createEnrollment: async (e: NewEnrollment) => {
      db.prepare(
        'INSERT INTO enrollments (id, tenant_id, created_by, token_hash, wrapped_clinic_key, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        e.id,
        e.tenantId,
        e.createdBy,
        e.tokenHash,
        e.wrappedClinicKey,
        e.createdAt,
        e.expiresAt,
      );
    },
    checkEnrollment: async (id, tokenHash, now) => ({
      tenantId: assertEnrollmentUsable(enrollmentRow(id), tokenHash, now).tenant_id,
    }),
    cancelEnrollment: async (id, tenantId, now) =>
      db
        .prepare(
          'UPDATE enrollments SET expires_at = ? WHERE id = ? AND tenant_id = ? AND used_at IS NULL AND expires_at > ?',
        )
        .run(now, id, tenantId, now).changes > 0,
    enrollDevice: async (id, tokenHash, now, device) => {
      try {
        return db
          .transaction(() => {
            const row = assertEnrollmentUsable(enrollmentRow(id), tokenHash, now);
            if (row.tenant_id !== device.tenantId)
              throw new AppError('FORBIDDEN', 'This enrollment code belongs to another clinic.');
            db.prepare('UPDATE enrollments SET used_at = ?, used_by = ? WHERE id = ?').run(
              now,
              device.id,
              id,
            );
            insertDevice(device);
            const key = db
              .prepare('SELECT wrapped_clinic_key FROM enrollments WHERE id = ?')
              .pluck()
              .get(id) as string;
            return { wrappedClinicKey: key };
          })
          .immediate();
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError('CONFLICT', 'This workstation is already registered.');
        throw e;
      }
    },
    findDeviceByFingerprint: async (fp) => {
      const row = db.prepare('SELECT * FROM devices WHERE cert_fingerprint = ?').get(fp) as
        DeviceRow | undefined;
      return row ? toDevice(row) : null;
    },
    listDevices: async (tenantId) => {
      const rows = (
        tenantId === undefined
          ? db.prepare('SELECT * FROM devices ORDER BY tenant_id, created_at, id').all()
          : db
              .prepare('SELECT * FROM devices WHERE tenant_id = ? ORDER BY created_at, id')
              .all(tenantId)
      ) as DeviceRow[];
      return rows.map(toDevice);
    },
    revokeDevice: async (deviceId, now) => {
      db.prepare('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(
        now,
        deviceId,
      );
      return db.prepare('SELECT 1 FROM devices WHERE id = ?').get(deviceId) !== undefined;
    },
    deviceActivity: async (tenantId) =>
      (
        db
          .prepare(
            `SELECT d.id, d.last_seen_at,
               (SELECT max(a.device_seq) FROM audit a WHERE a.device_id = d.id) AS last_audit_seq
             FROM devices d WHERE d.tenant_id = ?`,
          )
          .all(tenantId) as {
          id: string;
          last_seen_at: string | null;
          last_audit_seq: number | null;
        }[]
      ).map((r) => ({
        deviceId: r.id,
        lastSeenAt: r.last_seen_at,
        lastAuditSeq: r.last_audit_seq ?? 0,
      })),
    touchDevice: async (deviceId, now) => {
      db.prepare(
        'UPDATE devices SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)',
      ).run(now, deviceId, minuteBefore(now));
    },
    renameDevice: async (tenantId, deviceId, name) =>
      db
        .prepare('UPDATE devices SET name = ? WHERE id = ? AND tenant_id = ?')
        .run(name, deviceId, tenantId).changes > 0,
    lastSeq: async (tenantId) => (pullStmts.lastSeq.get(tenantId) as number | undefined) ?? 0,
    push: (input) => push(input),
    // One read transaction for both queries, so the page is one consistent state.
    pull: async (tenantId, after, limit, excludeDevice = null) =>
      db.transaction(() => {
        const own = excludeDevice ?? '';
        const changes = (pullStmts.changes.all(tenantId, after, own, limit + 1) as ChangeRow[]).map(
          (r): PulledChange => ({ ...toChange(r), serverSeq: Number(r.seq) }),
        );
        const audit = (
          pullStmts.audit.all(tenantId, after, own, limit + 1) as { seq: number; entry: string }[]
        ).map((r) => ({ seq: r.seq, entry: JSON.parse(r.entry) as AuditLog }));
        const lastSeq = pullStmts.lastSeq.get(tenantId) as number | undefined;
        return buildPullPage(after, limit, changes, audit, lastSeq ?? after);
      })(),
    snapshot: async (tenantId, fixedCursor, after, limit) =>
      db.transaction(() => {
        const cursor =
          fixedCursor ??
          (db.prepare('SELECT last_seq FROM tenants WHERE id = ?').pluck().get(tenantId) as number);
        // Keyset paging in sequence order (the log's primary key).
        const rows = db
          .prepare(
            `SELECT seq, tbl, row_id, cols, hlc, value FROM changes
             WHERE tenant_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
          )
          .all(tenantId, after ?? 0, cursor, limit + 1) as ChangeRow[];
        const total = after
          ? undefined
          : count(
              'SELECT count(*) FROM changes WHERE tenant_id = ? AND seq <= ?',
              tenantId,
              cursor,
            );
        return buildSnapshotPage(cursor, rows.map(toSequencedChange), limit, total);
      })(),
    // One index probe per device (audit_by_device, newest first), never a scan of the log.
    auditTips: async (tenantId, upTo) =>
      db
        .prepare(
          `SELECT a.device_id AS deviceId, a.device_seq AS deviceSeq, a.hash AS hash
           FROM devices d JOIN audit a ON a.device_id = d.id AND a.device_seq = (
             SELECT x.device_seq FROM audit x WHERE x.device_id = d.id AND x.seq <= ?
             ORDER BY x.device_seq DESC LIMIT 1)
           WHERE d.tenant_id = ? AND a.tenant_id = d.tenant_id ORDER BY a.device_id`,
        )
        .all(upTo, tenantId) as AuditTip[],
    auditPage: async (tenantId, after, upTo, limit) => {
      const rows = db
        .prepare(
          'SELECT seq, entry FROM audit WHERE tenant_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
        )
        .all(tenantId, after, upTo, limit + 1) as { seq: number; entry: string }[];
      return buildAuditPage(after, limit, rows);
    },
    counts: async (now): Promise<StoreCounts> => ({
      tenants: count('SELECT count(*) FROM tenants'),
      devices: count('SELECT count(*) FROM devices'),
      revokedDevices: count('SELECT count(*) FROM devices WHERE revoked_at IS NOT NULL'),
      changes: count('SELECT count(*) FROM changes'),
      // Each winners entry names the columns it wins, comma-separated.
      cells: count(
        `SELECT coalesce(sum(length(json_extract(e.value, '$[2]'))
           - length(replace(json_extract(e.value, '$[2]'), ',', '')) + 1), 0)
         FROM row_cells, json_each(row_cells.cells) AS e`,
      ),
      auditEntries: count('SELECT count(*) FROM audit'),
      openEnrollments: count(
        'SELECT count(*) FROM enrollments WHERE used_at IS NULL AND expires_at > ?',
        now,
      ),
    }),
    close: async () => {
      db.close();
    },
  };
}
