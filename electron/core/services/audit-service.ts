// Admin → Audit log: who did what to which record, when and on which
// workstation; "who has seen this patient"; the chain check of `ehrbs verify`;
// a CSV export of the filtered view (itself audited). Everything here needs
// the admin permission audit.read.
import type { ApiRequest } from '../../../shared/api/channels';
import type {
  AuditEntryView,
  AuditFilter,
  AuditPage,
  DeviceChainStatus,
} from '../../../shared/api/audit';
import { entityTables } from '../../../shared/domain/entities';
import type { AuditAction } from '../../../shared/domain/enums';
import { verifyAuditChains } from '../audit/verify-chain';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Repositories } from '../repos/repositories';
import { auditCsv } from './audit-csv';
import { auditWhere, idRange, patientLinkedTables, rangeWhere } from './audit-query';
import { requireCap, type Session } from './session';

/** One export holds at most this many entries; a wider filter is reported as truncated. */
export const AUDIT_CSV_MAX_ROWS = 100_000;

/**
 * How many entries one page of the viewer reads, newest first, looking for
 * matches (a patient's entries come from an index and need no bound). A
 * filter that matches rarely returns what it found so far and where it got
 * to, and "Show older entries" goes on from there: each page stays fast on a
 * log of millions.
 */
export const AUDIT_SCAN_PER_PAGE = 10_000;

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

  search(session: Session, r: ApiRequest<'audit.search'>): AuditPage {
    requireCap(session, 'audit.read');
    const limit = r.limit ?? 50;
    const found = this.rows(session, r.filter, limit + 1, AUDIT_SCAN_PER_PAGE, r.before);
    const page = found.rows.slice(0, limit);
    const items = this.views(session, page);
    if (found.rows.length > limit) {
      return { items, nextBefore: page.at(-1)?.id ?? null, searchedBackTo: null };
    }
    // Fewer than a page: either the log ends here, or the scan bound was reached first.
    return {
      items,
      nextBefore: found.scannedTo,
      searchedBackTo: found.scannedTo ? timeOfUuidV7(found.scannedTo) : null,
    };
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
    const { rows } = this.rows(session, r.filter, AUDIT_CSV_MAX_ROWS + 1, Number.MAX_SAFE_INTEGER);
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

  /**
   * Matching entries newest first. Unless the filter names a patient, at most
   * `scan` entries of the id range are read; `scannedTo` is then the oldest id
   * read when the bound stopped the scan (null when the range was exhausted).
   */
  private rows(
    session: Session,
    filter: AuditFilter,
    limit: number,
    scan: number,
    before?: string,
  ): { rows: AuditRow[]; scannedTo: string | null } {
    const tenantId = session.actor.tenantId;
    const tz = this.repos.tenants.get(tenantId, tenantId).timeZone;
    const range = rangeWhere(idRange(filter, tz, before));
    const match = auditWhere(tenantId, filter);
    const columns =
      'a.id, a.timestamp, a.action, a.tableAffected, a.recordId, a.userId, a.deviceId, a.detail';
    if (filter.patientId) {
      // Driven from the matched rows (the recordId index); "+a.id" keeps the
      // planner from walking the whole log in primary-key order instead.
      const inRange = range.where.replaceAll('id ', 'a.id ');
      const rows = this.store.read
        .prepare(
          `SELECT ${columns} FROM audit_logs a WHERE ${match.where} AND ${inRange}
           ORDER BY +a.id DESC LIMIT ?`,
        )
        .all(...match.params, ...range.params, limit) as AuditRow[];
      return { rows, scannedTo: null };
    }
    // The newest `scan` entries of the range, by primary key, then the filter.
    const window = `SELECT * FROM audit_logs WHERE ${range.where} ORDER BY id DESC LIMIT ?`;
    const rows = this.store.read
      .prepare(
        `SELECT ${columns} FROM (${window}) a WHERE ${match.where} ORDER BY a.id DESC LIMIT ?`,
      )
      .all(...range.params, scan, ...match.params, limit) as AuditRow[];
    if (rows.length >= limit) return { rows, scannedTo: null };
    const edge = this.store.read
      .prepare(
        `SELECT count(*) AS n, min(id) AS oldest
         FROM (SELECT id FROM audit_logs WHERE ${range.where} ORDER BY id DESC LIMIT ?)`,
      )
      .get(...range.params, scan) as { n: number; oldest: string | null };
    return { rows, scannedTo: edge.n >= scan ? edge.oldest : null };
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
      // A break-the-glass reason is sealed: the viewer and its CSV say where to read it instead.
      detail: row.action === 'break_glass' ? 'reason in Admin → Sensitive access' : row.detail,
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

/** The instant a UUIDv7 was made at (its 48-bit millisecond prefix). */
const timeOfUuidV7 = (id: string): string =>
  new Date(parseInt(id.replace('-', '').slice(0, 12), 16)).toISOString();

function describeFilter(filter: AuditFilter, rows: number): string {
  const parts = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`);
  return `audit csv rows=${rows}${parts.length ? ' ' + parts.join(' ') : ''}`.slice(0, 500);
}
