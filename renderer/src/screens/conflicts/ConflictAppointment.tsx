// One of the two appointments of a conflict, with the ordinary edits that
// resolve it: cancel it (with a reason, kept on the appointment) or open it in
// the Schedule screen to move it.
import { useState } from 'react';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { api, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { formatInstant } from '../../lib/format';
import { openInSchedule } from './open-in-schedule';

interface Props {
  appointment: AppointmentView;
  timeZone: string;
  onChanged(): void;
}

export function ConflictAppointment({ appointment: a, timeZone, onChanged }: Props) {
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = `${a.patientName} with ${a.doctorName}`;

  async function cancel() {
    if (reason.trim().length < 3) {
      setError('Give a reason (at least 3 characters)');
      return;
    }
    setError(undefined);
    setBusy(true);
    setFailure(null);
    try {
      await api('appointments.cancel', { id: a.id, reason: reason.trim() });
      onChanged();
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
  }

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
      {!cancelling && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setCancelling(true)}>
            Cancel this appointment…
          </button>
          <button type="button" className="button" onClick={() => openInSchedule(a, timeZone)}>
            Open in Schedule
          </button>
        </div>
      )}
      {cancelling && (
        <fieldset>
          <legend>Cancel {label}</legend>
          <TextField
            label="Reason for cancelling"
            value={reason}
            onChange={setReason}
            error={error}
            autoFocus
          />
          <ErrorAlert message={failure} />
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void cancel()}
            >
              Confirm cancellation
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setCancelling(false)}
            >
              Keep appointment
            </button>
          </div>
        </fieldset>
      )}
    </li>
  );
}
