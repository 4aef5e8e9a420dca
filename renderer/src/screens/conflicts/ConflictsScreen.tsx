// Conflicts: overlapping appointments of one doctor or one patient that two
// workstations booked while apart, and (for people who see billing) invoices
// left overpaid or void-with-payment by two workstations. Every workstation
// derives the same list from the merged data; an ordinary edit (cancel or move
// one appointment, refund the excess) ends it everywhere once it syncs.
import { useState } from 'react';
import type { SyncConflict } from '../../../../shared/api/sync-status';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import type { ScreenProps } from '../../app/screen-definition';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TitleRow } from '../../components/TitleRow';
import { useLoaded } from '../../lib/useLoaded';
import { useSync } from '../../stores/sync-store';
import '../../styles/admin.css';
import { BillingConflicts } from './BillingConflicts';
import { ConflictAppointment } from './ConflictAppointment';

const kindTitle = (kind: SyncConflict['kind']): string =>
  kind === 'doctor' ? 'Doctor double-booked' : 'Patient double-booked';

export function ConflictsScreen({ session }: ScreenProps<undefined>) {
  const poll = useSync((s) => s.poll);
  const {
    value: conflicts,
    failure,
    reload,
  } = useLoaded('conflicts', () => api('sync.conflicts', {}));
  const seesBilling = holds(session.capabilities, 'billing.read');
  const billing = useLoaded(`billing-conflicts:${seesBilling}`, () =>
    seesBilling ? api('billing.conflicts', {}) : Promise.resolve([]),
  );
  const reloadBilling = billing.reload;
  const billingChanged = (message: string) => {
    setNotice(message);
    reloadBilling();
    void poll();
  };
  const [notice, setNotice] = useState('');
  const timeZone = session.tenant.timeZone;
  const changed = () => {
    setNotice('Appointment cancelled. The conflict ends on every workstation once this syncs.');
    reload();
    void poll();
  };

  return (
    <div className="screen admin">
      <TitleRow title="Conflicts">
        <button
          type="button"
          className="button"
          onClick={() => {
            reload();
            reloadBilling();
          }}
        >
          Refresh
        </button>
      </TitleRow>
      <p className="lead">
        Appointments that overlap after workstations synced: cancel one, or open it in the Schedule
        to move it. Invoices paid twice, or paid while voided elsewhere: refund the excess.
      </p>
      <ErrorAlert message={failure?.message ?? billing.failure?.message ?? null} />
      <p role="status" className="status-note">
        {notice}
      </p>
      {(conflicts === null || billing.value === null) && !failure && <p>Loading conflicts…</p>}
      {conflicts?.length === 0 && billing.value?.length === 0 && (
        <p className="panel panel--empty">No conflicts to resolve.</p>
      )}
      {billing.value && billing.value.length > 0 && (
        <div className="conflicts">
          <BillingConflicts
            conflicts={billing.value}
            session={session}
            onChanged={billingChanged}
          />
        </div>
      )}
      {conflicts && conflicts.length > 0 && (
        <div className="conflicts">
          {conflicts.map((c) => (
            <section
              key={`${c.kind}:${c.appointments[0].id}:${c.appointments[1].id}`}
              className="conflict"
              aria-label={`${kindTitle(c.kind)}: ${c.appointments[0].doctorName}`}
            >
              <h2>{kindTitle(c.kind)}</h2>
              <ul className="conflict__pair">
                {c.appointments.map((a) => (
                  <ConflictAppointment
                    key={a.id}
                    appointment={a}
                    timeZone={timeZone}
                    onChanged={changed}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
