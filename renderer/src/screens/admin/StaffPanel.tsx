// Staff accounts: the list, and forms to add front-desk staff, doctors and
// administrators. A new account is announced and appears in the list at once.
import { useCallback, useEffect, useState } from 'react';
import type { StaffMember } from '../../../../shared/api/admin';
import type { SessionInfo } from '../../../../shared/api/session';
import { api, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { roleLabel } from '../../lib/format';
import { NewDoctorForm } from './NewDoctorForm';
import { NewStaffForm } from './NewStaffForm';
import { openDoctorHours } from './open-hours';
import { StaffTable } from './StaffTable';

type Adding = 'none' | 'front_desk' | 'doctor' | 'admin';

export function StaffPanel({ session }: { session: SessionInfo }) {
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [adding, setAdding] = useState<Adding>('none');
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const canDoctors = session.permissions.includes('doctors.manage');

  const load = useCallback(() => {
    api('users.list', {})
      .then(setStaff)
      .catch((e: unknown) => setFailure(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const created = (m: StaffMember) => {
    setAdding('none');
    setNotice(`${roleLabel(m.role)} ${m.displayName} can now log in as ${m.email}.`);
    load();
  };
  const start = (what: Adding) => {
    setNotice('');
    setAdding(what);
  };
  const editHours = (doctorId: string) => {
    openDoctorHours(doctorId).catch((e: unknown) => setFailure(errorMessage(e)));
  };

  return (
    <section className="admin-section" aria-labelledby="staff-title">
      <h2 id="staff-title">Staff</h2>
      <ErrorAlert message={failure} />
      <p role="status" className="status-note">
        {notice}
      </p>
      {adding === 'none' && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => start('front_desk')}>
            Add front-desk staff
          </button>
          {canDoctors && (
            <button type="button" className="button" onClick={() => start('doctor')}>
              Add doctor
            </button>
          )}
          <button type="button" className="button" onClick={() => start('admin')}>
            Add administrator
          </button>
        </div>
      )}
      {(adding === 'front_desk' || adding === 'admin') && (
        <NewStaffForm
          key={adding}
          role={adding}
          onCreated={created}
          onCancel={() => setAdding('none')}
        />
      )}
      {adding === 'doctor' && (
        <NewDoctorForm
          currency={session.tenant.currency}
          onCreated={created}
          onCancel={() => setAdding('none')}
        />
      )}
      {staff === null ? (
        !failure && <p>Loading staff…</p>
      ) : (
        <StaffTable
          staff={staff}
          currency={session.tenant.currency}
          canEditHours={canDoctors}
          onEditHours={editHours}
        />
      )}
    </section>
  );
}
