// Admin → Audit log: who did what to which record, when and on which
// workstation; "who has seen this patient"; the chain check of `ehrbs verify`;
// a CSV export of the filtered view (itself audited). Everything here needs
// the admin permission audit.read.
import type { ApiRequest } from '../../../shared/api/channels';
import type { AuditEntryView, AuditFilter, DeviceChainStatus } from '../../../shared/api/audit';
import { entityTables } from '../../../shared/domain/entities';
import type { AuditAction } from '../../../shared/domain/enums';
import { verifyAuditChains } from '../audit/verify-chain';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Repositories } from '../repos/repositories';
import { auditCsv } from './audit-csv';
import { auditWhere, patientLinkedTables } from './audit-query';
import { requireCap, type Session } from './session';

/** One export holds at most this many entries; a wider filter is reported as truncated. */
export const AUDIT_CSV_MAX_ROWS = 100_000;

interface AuditRow {
  id: string;
  timestamp: string;
  action: AuditAction;
  tableAffected: string;
  recordId: string | null;
  userId: string | null;
  deviceId: string;
  detail: string;
}

export class AuditService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  search(
    session: Session,
    r: ApiRequest<'audit.search'>,
  ): { items: AuditEntryView[]; nextBefore: string | null } {
    requireCap(session, 'audit.read');
    const limit = r.limit ?? 50;
    const rows = this.rows(session, r.filter, limit + 1, r.before);
    const page = rows.slice(0, limit);
    const items = this.views(session, page);
    return { items, nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  chainStatus(session: Session): DeviceChainStatus[] {
    requireCap(session, 'audit.read');
    const report = verifyAuditChains(this.store.read);
    const counts = this.store.read
      .prepare(
        'SELECT deviceId, count(*) AS n FROM audit_logs WHERE tenantId = ? GROUP BY deviceId',
      )
      .all(session.actor.tenantId) as { deviceId: string; n: number }[];
    const names = this.deviceNames(session);
    return counts.map(({ deviceId, n }) => {
      const broken = report.breaks.find((b) => b.deviceId === deviceId);
      return {
        deviceId,
        deviceName: names.get(deviceId) ?? null,
        entries: n,
        firstBreak: broken ? { deviceSeq: broken.deviceSeq, reason: broken.reason } : null,
      };
    });
  }

  exportCsv(session: Session, r: ApiRequest<'audit.exportCsv'>) {
    requireCap(session, 'audit.read');
    const rows = this.rows(session, r.filter, AUDIT_CSV_MAX_ROWS + 1);
    const kept = rows.slice(0, AUDIT_CSV_MAX_ROWS);
    const csv = auditCsv(this.views(session, kept));
    // The export names its filter by ids only: never patient data in the log.
    this.store.audit(
      session.actor,
      'export',
      'audit_logs',
      null,
      describeFilter(r.filter, kept.length),
    );
    const stamp = this.store.nowIso().slice(0, 10);
    return {
      fileName: `audit-log-${stamp}.csv`,
      csv,
      rows: kept.length,
      truncated: rows.length > AUDIT_CSV_MAX_ROWS,
    };
  }

  filterOptions(session: Session) {
    requireCap(session, 'audit.read');
    const tenantId = session.actor.tenantId;
    const users = this.store.read
      .prepare(
        'SELECT id, displayName AS name FROM users WHERE tenantId = ? ORDER BY displayName, id',
      )
      .all(tenantId) as { id: string; name: string }[];
    const devices = [...this.deviceNames(session)].map(([id, name]) => ({ id, name }));
    return { users, devices, tables: [...entityTables, 'audit_logs'].sort() };
  }

  private rows(session: Session, filter: AuditFilter, limit: number, before?: string): AuditRow[] {
    const tenantId = session.actor.tenantId;
    const tz = this.repos.tenants.get(tenantId, tenantId).timeZone;
    const { where, params } = auditWhere(tenantId, filter, tz, before);
    // A patient filter is driven from the matched rows (the recordId index), not
    // by walking the whole log newest first: "+a.id" keeps the planner off the
    // primary key for ordering in that case.
    const order = filter.patientId ? '+a.id DESC' : 'a.id DESC';
    return this.store.read
      .prepare(
        `SELECT a.id, a.timestamp, a.action, a.tableAffected, a.recordId, a.userId, a.deviceId, a.detail
         FROM audit_logs a WHERE ${where} ORDER BY ${order} LIMIT ?`,
      )
      .all(...params, limit) as AuditRow[];
  }

  private views(session: Session, rows: readonly AuditRow[]): AuditEntryView[] {
    const tenantId = session.actor.tenantId;
    const userNames = new Map<string, string>();
    const userName = (id: string | null): string | null => {
      if (id === null) return null;
      if (!userNames.has(id)) {
        const row = this.store.read
          .prepare('SELECT displayName FROM users WHERE tenantId = ? AND id = ?')
          .get(tenantId, id) as { displayName: string } | undefined;
        userNames.set(id, row?.displayName ?? '');
      }
      return userNames.get(id) || null;
    };
    const devices = this.deviceNames(session);
    return rows.map((row) => ({
      id: row.id,
      timestamp: row.timestamp,
      action: row.action,
      table: row.tableAffected,
      recordId: row.recordId,
      userId: row.userId,
      userName: userName(row.userId),
      deviceId: row.deviceId,
      deviceName: devices.get(row.deviceId) ?? null,
      patientId: this.patientOf(tenantId, row),
      detail: row.detail,
    }));
  }

  /** The patient an entry's row names, if any (for the viewer's link). */
  private patientOf(tenantId: string, row: AuditRow): string | null {
    if (row.recordId === null) return null;
    if (row.tableAffected === 'patients') return row.recordId;
    const table = patientLinkedTables.find((t) => t === row.tableAffected);
    if (!table) return null;
    const found = this.store.read
      .prepare(`SELECT patientId FROM ${table} WHERE tenantId = ? AND id = ?`)
      .get(tenantId, row.recordId) as { patientId: string | null } | undefined;
    return found?.patientId ?? null;
  }

  private deviceNames(session: Session): Map<string, string> {
    const rows = this.store.read
      .prepare('SELECT id, name FROM devices WHERE tenantId = ? ORDER BY name, id')
      .all(session.actor.tenantId) as { id: string; name: string }[];
    return new Map(rows.map((d) => [d.id, d.name]));
  }
}

function describeFilter(filter: AuditFilter, rows: number): string {
  const parts = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`);
  return `audit csv rows=${rows}${parts.length ? ' ' + parts.join(' ') : ''}`.slice(0, 500);
}
