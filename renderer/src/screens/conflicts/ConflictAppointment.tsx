// One of the two appointments of a conflict, with the ordinary edits that
// resolve it: cancel it (with a reason, kept on the appointment) or open it in
// the Schedule screen to move it.
import { useState } from 'react';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { formatInstant } from '../../lib/format';
import { CancelAppointmentForm } from '../schedule/CancelAppointmentForm';
import { openInSchedule } from './open-in-schedule';

interface Props {
  appointment: AppointmentView;
  timeZone: string;
  onChanged(): void;
}

export function ConflictAppointment({ appointment: a, timeZone, onChanged }: Props) {
  const [cancelling, setCancelling] = useState(false);
  const label = `${a.patientName} with ${a.doctorName}`;
  return (
    <li className="conflict__appointment" aria-label={label}>
      <dl>
        <dt>Time</dt>
        <dd>
          {formatInstant(a.scheduledAt, timeZone)} · {a.durationMinutes} min
        </dd>
        <dt>Doctor</dt>
        <dd>{a.doctorName}</dd>
        <dt>Patient</dt>
        <dd>
          {a.patientName} ({a.patientMrn})
        </dd>
      </dl>
      {cancelling ? (
        <CancelAppointmentForm
          appointment={a}
          legend={`Cancel ${label}`}
          onCancelled={onChanged}
          onKeep={() => setCancelling(false)}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setCancelling(true)}>
            Cancel this appointment…
          </button>
          <button type="button" className="button" onClick={() => openInSchedule(a, timeZone)}>
            Open in Schedule
          </button>
        </div>
      )}
    </li>
  );
}
