// "Cancel appointment…" in an appointment's details, opening the reason form.
import { useState } from 'react';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { useSchedule } from '../../stores/schedule-store';
import { CancelAppointmentForm } from './CancelAppointmentForm';

export function CancelForm({ appointment }: { appointment: AppointmentView }) {
  const applyChange = useSchedule((s) => s.applyChange);
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Cancel appointment…
      </button>
    );
  }
  return (
    <CancelAppointmentForm
      appointment={appointment}
      legend="Cancel this appointment"
      className="cancel-form"
      onCancelled={applyChange}
      onKeep={() => setOpen(false)}
    />
  );
}
