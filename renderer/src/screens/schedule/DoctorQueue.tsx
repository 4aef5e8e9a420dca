// A doctor's queue for today: their patients who have checked in (Start) and
// the one being seen (Complete). A doctor sees their own queue first; front
// desk and admins pick the doctor.
import { useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { useSchedule } from '../../stores/schedule-store';
import { ownDoctor } from './permissions';
import { clockTimeOf, longDate } from './time';
import { useDayList } from './useDayList';
import { StatusPill } from './StatusPill';
import { holds } from '../../../../shared/auth/capabilities';
import { useNav } from '../../stores/nav-store';
import { chartRoute } from '../chart/route';

interface Props {
  session: SessionInfo;
  today: string;
}

export function DoctorQueue({ session, today }: Props) {
  const doctors = useSchedule((s) => s.doctors);
  const [picked, setPicked] = useState<string | null>(null);
  const doctorId = picked ?? ownDoctor(session, doctors)?.id ?? doctors?.[0]?.id ?? '';
  const { items, error, act } = useDayList(today);
  const tz = session.tenant.timeZone;
  const go = useNav((s) => s.go);
  // A doctor who starts a visit goes on to its note.
  const charts = holds(session.capabilities, 'records.write');
  const queue =
    items?.filter(
      (a) => a.doctorId === doctorId && (a.status === 'checked_in' || a.status === 'in_progress'),
    ) ?? [];
  const name = doctors?.find((d) => d.id === doctorId)?.displayName ?? '';
  return (
    <section className="day-list" aria-labelledby="queue-title">
      <h2 id="queue-title">
        Queue · {name} · {longDate(today)}
      </h2>
      <div className="day-list__picker">
        <SelectField
          label="Doctor"
          value={doctorId}
          onChange={setPicked}
          options={(doctors ?? []).map((d) => ({ value: d.id, label: d.displayName }))}
        />
      </div>
      <ErrorAlert message={error} />
      {items !== null && queue.length === 0 ? (
        <p className="panel panel--empty">Nobody is waiting.</p>
      ) : (
        <ol className="queue">
          {queue.map((a) => {
            const next = a.status === 'checked_in' ? 'in_progress' : 'completed';
            return (
              <li key={a.id} className="queue__item">
                <span className="queue__time">{clockTimeOf(Date.parse(a.scheduledAt), tz)}</span>
                <span className="queue__name">{a.patientName}</span>
                <StatusPill status={a.status} />
                <button
                  type="button"
                  className="button button--primary"
                  aria-label={`${next === 'in_progress' ? 'Start' : 'Complete'} ${a.patientName}`}
                  onClick={() =>
                    void act(async () => {
                      await api('appointments.setStatus', { id: a.id, status: next });
                      if (charts && next === 'in_progress')
                        go(
                          chartRoute.href({
                            kind: 'visit',
                            patientId: a.patientId,
                            appointmentId: a.id,
                          }),
                        );
                    })
                  }
                >
                  {next === 'in_progress' ? 'Start' : 'Complete'}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
