// Conflicts: overlapping appointments of one doctor or one patient that two
// workstations booked while apart. Every workstation derives the same list
// from the merged data; an ordinary edit (cancel or move one) ends it
// everywhere once it syncs.
import { useCallback, useEffect, useState } from 'react';
import type { SyncConflict } from '../../../../shared/api/sync-status';
import { api, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSession } from '../../stores/session-store';
import { useSync } from '../../stores/sync-store';
import '../../styles/admin.css';
import { ConflictAppointment } from './ConflictAppointment';

const kindTitle = (kind: SyncConflict['kind']): string =>
  kind === 'doctor' ? 'Doctor double-booked' : 'Patient double-booked';

export function ConflictsScreen() {
  const session = useSession((s) => s.session);
  const poll = useSync((s) => s.poll);
  const [conflicts, setConflicts] = useState<SyncConflict[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const load = useCallback(() => {
    api('sync.conflicts', {})
      .then((c) => {
        setConflicts(c);
        setFailure(null);
      })
      .catch((e: unknown) => setFailure(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  if (!session) return null;
  const timeZone = session.tenant.timeZone;
  const changed = () => {
    setNotice('Appointment cancelled. The conflict ends on every workstation once this syncs.');
    load();
    void poll();
  };

  return (
    <div className="screen admin">
      <div className="admin__title-row">
        <ScreenHeading>Conflicts</ScreenHeading>
        <button type="button" className="button" onClick={load}>
          Refresh
        </button>
      </div>
      <p className="lead">
        Appointments that overlap after workstations synced. Cancel one, or open it in the Schedule
        to move it.
      </p>
      <ErrorAlert message={failure} />
      <p role="status" className="status-note">
        {notice}
      </p>
      {conflicts === null && !failure && <p>Loading conflicts…</p>}
      {conflicts?.length === 0 && <p className="panel panel--empty">No conflicts to resolve.</p>}
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
