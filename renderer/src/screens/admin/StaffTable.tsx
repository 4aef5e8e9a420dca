// The clinic's staff: who they are, their role, and what their role carries
// (a doctor's profile, an administrator's permissions).
import type { StaffMember } from '../../../../shared/api/admin';
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
  return (
    <table className="data-table">
      <caption className="visually-hidden">Staff accounts</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Details</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {staff.map((m) => (
          <tr key={m.id}>
            <th scope="row">{m.displayName}</th>
            <td>{m.email}</td>
            <td>
              {roleLabel(m.role)}
              {!m.active && ' (inactive)'}
            </td>
            <td>
              <Details member={m} currency={currency} />
            </td>
            <td>
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
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
