// Cancelling needs a reason; it is kept on the appointment.
import { useState } from 'react';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useAppointmentAction } from './useAppointmentAction';

export function CancelForm({ appointment }: { appointment: AppointmentView }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { busy, failure, run } = useAppointmentAction();
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Cancel appointment…
      </button>
    );
  }
  const confirm = () => {
    if (reason.trim().length < 3) {
      setError('Give a reason (at least 3 characters)');
      return;
    }
    setError(undefined);
    void run(() => api('appointments.cancel', { id: appointment.id, reason: reason.trim() }));
  };
  return (
    <fieldset className="cancel-form">
      <legend>Cancel this appointment</legend>
      <TextField
        label="Reason for cancelling"
        value={reason}
        onChange={setReason}
        error={error}
        autoFocus
      />
      <ErrorAlert message={failure?.message ?? null} />
      <div className="button-row button-row--tight">
        <button type="button" className="button button--danger" disabled={busy} onClick={confirm}>
          Confirm cancellation
        </button>
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          Keep appointment
        </button>
      </div>
    </fieldset>
  );
}
