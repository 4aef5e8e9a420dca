// The clinic's staff: who they are, their role, and what their role carries
// (a doctor's profile, an administrator's permissions).
import type { StaffMember } from '../../../../shared/api/admin';
import { Permission } from '../../../../shared/domain/enums';
import { DataTable, type Column } from '../../components/DataTable';
import { roleLabel } from '../../lib/format';
import { formatMinorUnits } from './money';
import { permissionLabels } from './PermissionsFieldset';
import { staffActionLabel, staffActions, type StaffAction } from './staff-actions';

interface Props {
  staff: readonly StaffMember[];
  currency: string;
  canEditHours: boolean;
  onEditHours(doctorId: string): void;
  /** The signed-in admin: their own row offers no account actions. */
  selfId: string;
  busy: boolean;
  onAction(action: StaffAction, member: StaffMember): void;
}

function Details({ member, currency }: { member: StaffMember; currency: string }) {
  if (member.doctor) {
    const d = member.doctor;
    return (
      <>
        {d.specialty} · licence {d.licenseNumber} · fee{' '}
        {formatMinorUnits(d.consultationFee, currency)} · {d.experienceYears}{' '}
        {d.experienceYears === 1 ? 'year' : 'years'}
      </>
    );
  }
  if (member.permissions) {
    const held = member.permissions;
    if (held.length === 0) return <>No admin permissions</>;
    if (held.length === Permission.options.length) return <>All permissions</>;
    // A summary that keeps the row one line high; the list opens on request.
    return (
      <details className="permissions-summary">
        <summary>
          {held.length} {held.length === 1 ? 'permission' : 'permissions'}
        </summary>
        {held.map((p) => permissionLabels[p]).join(', ')}
      </details>
    );
  }
  return null;
}

function statusOf(m: StaffMember): string {
  if (!m.active) return 'Inactive';
  return m.mustChangePassword ? 'Must choose a new password' : 'Active';
}

export function StaffTable({
  staff,
  currency,
  canEditHours,
  onEditHours,
  selfId,
  busy,
  onAction,
}: Props) {
  const columns: Column<StaffMember>[] = [
    { header: 'Name', rowHeader: true, cell: (m) => m.displayName },
    { header: 'Email', cell: (m) => m.email },
    { header: 'Role', cell: (m) => roleLabel(m.role) },
    { header: 'Status', cell: statusOf },
    { header: 'Details', cell: (m) => <Details member={m} currency={currency} /> },
    {
      header: 'Actions',
      hiddenHeader: true,
      cell: (m) => (
        <div className="button-row button-row--tight">
          {m.doctor && canEditHours && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => m.doctor && onEditHours(m.doctor.id)}
              aria-label={`Edit hours of ${m.displayName}`}
            >
              Edit hours
            </button>
          )}
          {staffActions(m, selfId).map((action) => (
            <button
              key={action}
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => onAction(action, m)}
              aria-label={`${staffActionLabel[action]}: ${m.displayName}`}
            >
              {staffActionLabel[action]}
            </button>
          ))}
        </div>
      ),
    },
  ];
  return (
    <DataTable
      className="data-table"
      caption="Staff accounts"
      columns={columns}
      rows={staff}
      rowKey={(m) => m.id}
    />
  );
}
