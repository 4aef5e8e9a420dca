// Turns an audit filter into SQL over audit_logs. Entry ids are UUIDv7 built
// from the entry's own timestamp (audit/audit-writer.ts), so "newest first",
// keyset paging and the date range are all ranges of the primary key: no
// extra index on the write path's hottest table. A patient filter goes through
// the (tenantId, recordId) index, once per row that names the patient; other
// filters read the log newest first within a bounded number of entries per
// page (see AuditService), so no filter can make one page scan a million rows.
import type { AuditFilter } from '../../../shared/api/audit';
import { entitySchemas, entityTables, type EntityTable } from '../../../shared/domain/entities';
import { addDaysToDate, zonedToUtc } from '../../../shared/scheduling';

/** Tables whose rows name a patient (patients themselves aside): derived from the schemas, so new ones count. */
export const patientLinkedTables: readonly EntityTable[] = entityTables.filter((t) => {
  const schema = entitySchemas[t] as { shape?: Record<string, unknown> };
  return t !== 'patients' && schema.shape !== undefined && 'patientId' in schema.shape;
});

/** The smallest UUIDv7 string at or after this instant (its 48-bit millisecond prefix). */
export function uuidV7Floor(millis: number): string {
  const h = Math.max(0, Math.floor(millis)).toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}`;
}

export interface AuditSql {
  where: string;
  params: (string | number)[];
}

/** The primary-key range the filter's dates and the page cursor leave: [from, before). */
export function idRange(
  filter: AuditFilter,
  timeZone: string,
  before?: string,
): { from: string | null; before: string | null } {
  const from = filter.fromDate ? uuidV7Floor(zonedToUtc(filter.fromDate, '00:00', timeZone)) : null;
  const to = filter.toDate
    ? uuidV7Floor(zonedToUtc(addDaysToDate(filter.toDate, 1), '00:00', timeZone))
    : null;
  const upper = [to, before ?? null].filter((x): x is string => x !== null).sort()[0] ?? null;
  return { from, before: upper };
}

export function rangeWhere(range: { from: string | null; before: string | null }): AuditSql {
  const clauses = ['1 = 1'];
  const params: string[] = [];
  if (range.from) {
    clauses.push('id >= ?');
    params.push(range.from);
  }
  if (range.before) {
    clauses.push('id < ?');
    params.push(range.before);
  }
  return { where: clauses.join(' AND '), params };
}

/** Everything but the id range, on rows named `a`. */
export function auditWhere(tenantId: string, filter: AuditFilter): AuditSql {
  const clauses = ['a.tenantId = ?'];
  const params: (string | number)[] = [tenantId];
  if (filter.userId) {
    clauses.push('a.userId = ?');
    params.push(filter.userId);
  }
  if (filter.action) {
    clauses.push('a.action = ?');
    params.push(filter.action);
  }
  if (filter.table) {
    clauses.push('a.tableAffected = ?');
    params.push(filter.table);
  }
  if (filter.deviceId) {
    clauses.push('a.deviceId = ?');
    params.push(filter.deviceId);
  }
  if (filter.patientId) {
    // The patient's own row, and every row of a table that names them.
    const rows = patientLinkedTables.map(
      (t) => `SELECT id FROM ${t} WHERE tenantId = ? AND patientId = ?`,
    );
    clauses.push(`a.recordId IN (SELECT ? UNION ALL ${rows.join(' UNION ALL ')})`);
    params.push(filter.patientId);
    for (let i = 0; i < patientLinkedTables.length; i++) params.push(tenantId, filter.patientId);
  }
  return { where: clauses.join(' AND '), params };
}
