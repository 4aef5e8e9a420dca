// The audit filter form's values (every field text, '' meaning "any") and the
// request filter they stand for; the patient comes from the address.
import type { AuditFilter } from '../../../../../shared/api/audit';
import { AuditAction } from '../../../../../shared/domain/enums';

export interface AuditFilterValues {
  userId: string;
  action: string;
  table: string;
  deviceId: string;
  fromDate: string;
  toDate: string;
}

export const emptyAuditFilter: AuditFilterValues = {
  userId: '',
  action: '',
  table: '',
  deviceId: '',
  fromDate: '',
  toDate: '',
};

/** The filter to send: empty fields left out (the core's schema checks the rest). */
export function toAuditFilter(v: AuditFilterValues, patientId: string | null): AuditFilter {
  const action = AuditAction.safeParse(v.action);
  return {
    ...(v.userId ? { userId: v.userId } : {}),
    ...(patientId ? { patientId } : {}),
    ...(action.success ? { action: action.data } : {}),
    ...(v.table ? { table: v.table } : {}),
    ...(v.deviceId ? { deviceId: v.deviceId } : {}),
    ...(v.fromDate ? { fromDate: v.fromDate } : {}),
    ...(v.toDate ? { toDate: v.toDate } : {}),
  };
}

const actionLabels: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  read: 'Opened',
  login: 'Logged in',
  login_failed: 'Login refused',
  logout: 'Logged out',
  export: 'Exported',
  backup: 'Backed up',
  restore: 'Restored',
  overbook: 'Overbooked',
  merge: 'Merged',
  break_glass: 'Opened with a reason',
};

export const auditActionLabel = (a: AuditAction): string => actionLabels[a];

/** What a table is to a person reading the log. */
export const tableLabel = (table: string): string => table.replaceAll('_', ' ');
