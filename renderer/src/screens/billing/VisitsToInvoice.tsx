// Today's checked-in, in-progress and completed visits, each one click from a draft invoice.
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { localDateOf } from '../../../../shared/scheduling';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';

export function VisitsToInvoice({
  session,
  onOpen,
}: {
  session: SessionInfo;
  onOpen(id: string): void;
}) {
  // The clinic's date when the screen opened (read once, not on every render).
  const [today] = useState(() => localDateOf(Date.now(), session.tenant.timeZone));
  const visits = useLoaded(`visits-${today}`, () =>
    api('schedule.range', { fromDate: today, toDate: today }),
  );
  const req = useRequest();
  const billable = (visits.value?.appointments ?? []).filter((a) =>
    ['checked_in', 'in_progress', 'completed'].includes(a.status),
  );
  return (
    <section className="panel" aria-labelledby="visits-title">
      <h2 id="visits-title">Today’s visits to invoice</h2>
      <ErrorAlert message={req.failure?.message ?? visits.failure?.message ?? null} />
      {billable.length === 0 ? (
        <p>No checked-in or completed visits today.</p>
      ) : (
        <ul className="plain-list">
          {billable.map((a) => (
            <li key={a.id}>
              {a.patientName} with {a.doctorName}{' '}
              <button
                type="button"
                disabled={req.busy}
                onClick={() =>
                  void req
                    .run(() => api('billing.createFromAppointment', { appointmentId: a.id }))
                    .then((r) => r.ok && onOpen(r.value.invoice.id))
                }
              >
                Create invoice for {a.patientName}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
