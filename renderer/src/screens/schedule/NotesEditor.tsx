// The appointment's notes, saved on request.
import { useState } from 'react';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAppointmentAction } from './useAppointmentAction';

export function NotesEditor({ appointment }: { appointment: AppointmentView }) {
  const [notes, setNotes] = useState(appointment.notes);
  const [saved, setSaved] = useState(false);
  const { busy, failure, run } = useAppointmentAction();
  const save = async () => {
    setSaved(await run(() => api('appointments.updateNotes', { id: appointment.id, notes })));
  };
  return (
    <div className="notes-editor">
      <div className="field">
        <label htmlFor="appointment-notes">Notes</label>
        <textarea
          id="appointment-notes"
          rows={3}
          maxLength={2000}
          value={notes}
          onChange={(e) => {
            setNotes(e.target.value);
            setSaved(false);
          }}
        />
      </div>
      <ErrorAlert message={failure?.message ?? null} />
      <div className="button-row button-row--tight">
        <button
          type="button"
          className="button"
          disabled={busy || notes === appointment.notes}
          onClick={() => void save()}
        >
          Save notes
        </button>
        <span role="status">{saved ? 'Notes saved' : ''}</span>
      </div>
    </div>
  );
}
