// The clinic's staff: who they are, their role, and what their role carries
// (a doctor's profile, an administrator's permissions).
import type { StaffMember } from '../../../../shared/api/admin';
import { DataTable, type Column } from '../../components/DataTable';
import { roleLabel } from '../../lib/format';
import { formatMinorUnits } from './money';
import { permissionLabels } from './PermissionsFieldset';

interface Props {
  staff: readonly StaffMember[];
  currency: string;
  canEditHours: boolean;
  onEditHours(doctorId: string): void;
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
    return member.permissions.length === 0 ? (
      <>No admin permissions</>
    ) : (
      <>{member.permissions.map((p) => permissionLabels[p]).join(', ')}</>
    );
  }
  return null;
}

export function StaffTable({ staff, currency, canEditHours, onEditHours }: Props) {
  const columns: Column<StaffMember>[] = [
    { header: 'Name', rowHeader: true, cell: (m) => m.displayName },
    { header: 'Email', cell: (m) => m.email },
    { header: 'Role', cell: (m) => `${roleLabel(m.role)}${m.active ? '' : ' (inactive)'}` },
    { header: 'Details', cell: (m) => <Details member={m} currency={currency} /> },
    {
      header: 'Actions',
      hiddenHeader: true,
      cell: (m) =>
        m.doctor &&
        canEditHours && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => m.doctor && onEditHours(m.doctor.id)}
            aria-label={`Edit hours of ${m.displayName}`}
          >
            Edit hours
          </button>
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
