// Staff accounts: the list, and forms to add front-desk staff, doctors and
// administrators. A new account is announced and appears in the list at once.
// Adding a doctor and editing hours need doctors.manage as well.
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import type { StaffMember } from '../../../../shared/api/admin';
import { holds } from '../../../../shared/auth/capabilities';
import { assertNever } from '../../../../shared/errors';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { roleLabel } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { DoctorHoursPanel } from './DoctorHoursPanel';
import { NewDoctorForm } from './NewDoctorForm';
import { NewStaffForm } from './NewStaffForm';
import { openDoctorHours } from './open-hours';
import type { AdminView } from './route';
import { ResetPasswordForm } from './ResetPasswordForm';
import { staffActionNotice, type StaffAction } from './staff-actions';
import { StaffTable } from './StaffTable';

type Adding = 'none' | 'front_desk' | 'doctor' | 'admin';

export function StaffPanel({ session, view }: { session: SessionInfo; view: AdminView }) {
  if (view.hoursOf !== undefined) {
    return <DoctorHoursPanel key={view.hoursOf} session={session} doctorId={view.hoursOf} />;
  }
  return <StaffList session={session} />;
}

function StaffList({ session }: { session: SessionInfo }) {
  const staff = useLoaded('staff', () => api('users.list', {}));
  const hours = useRequest();
  const account = useRequest();
  const [adding, setAdding] = useState<Adding>('none');
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [notice, setNotice] = useState('');
  const canDoctors = holds(session.capabilities, 'doctors.manage');
  const failure = staff.failure ?? hours.failure ?? account.failure;

  const act = async (action: StaffAction, m: StaffMember) => {
    setNotice('');
    if (action === 'reset') {
      setAdding('none');
      setResetting(m);
      return;
    }
    const result = await account.run(() => {
      switch (action) {
        case 'deactivate':
        case 'reactivate':
          return api('users.setActive', { userId: m.id, active: action === 'reactivate' });
        case 'makeAdmin':
        case 'makeFrontDesk':
          return api('users.setRole', {
            userId: m.id,
            role: action === 'makeAdmin' ? 'admin' : 'front_desk',
            permissions: [],
          });
        default:
          return assertNever(action);
      }
    });
    if (result.ok) setNotice(staffActionNotice(action, result.value));
    staff.reload();
  };
  const reset = (m: StaffMember) => {
    setResetting(null);
    setNotice(staffActionNotice('reset', m));
    staff.reload();
  };

  const created = (m: StaffMember) => {
    setAdding('none');
    setNotice(`${roleLabel(m.role)} ${m.displayName} can now log in as ${m.email}.`);
    staff.reload();
  };
  const start = (what: Adding) => {
    setNotice('');
    setResetting(null);
    setAdding(what);
  };

  return (
    <section className="admin-section" aria-labelledby="staff-title">
      <h2 id="staff-title">Staff</h2>
      <ErrorAlert message={failure?.message ?? null} />
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
      {resetting && (
        <ResetPasswordForm
          key={resetting.id}
          member={resetting}
          onDone={reset}
          onCancel={() => setResetting(null)}
        />
      )}
      {staff.value === null ? (
        !failure && <p>Loading staff…</p>
      ) : (
        <StaffTable
          staff={staff.value}
          currency={session.tenant.currency}
          canEditHours={canDoctors}
          onEditHours={(doctorId) => void hours.run(() => openDoctorHours(doctorId))}
          selfId={session.user.id}
          busy={account.busy}
          onAction={(action, m) => void act(action, m)}
        />
      )}
    </section>
  );
}
