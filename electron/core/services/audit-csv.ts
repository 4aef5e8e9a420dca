// The audit viewer's CSV: one header line, then one line per entry, fields
// quoted as RFC 4180 asks. A leading =, +, - or @ is prefixed with a quote so
// a spreadsheet never runs a cell as a formula.
import type { AuditEntryView } from '../../../shared/api/audit';

const columns: readonly (keyof AuditEntryView)[] = [
  'timestamp',
  'action',
  'table',
  'recordId',
  'patientId',
  'userName',
  'userId',
  'deviceName',
  'deviceId',
  'detail',
  'id',
];

export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsv(entries: readonly AuditEntryView[]): string {
  const lines = [columns.join(',')];
  for (const e of entries) lines.push(columns.map((c) => csvField(e[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
