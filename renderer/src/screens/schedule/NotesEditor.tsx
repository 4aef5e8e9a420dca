// The appointment's notes, saved on request.
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { schedulingChannels } from '../../../../shared/api/scheduling';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField } from '../../components/TextAreaField';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useSchedule } from '../../stores/schedule-store';
import { SubmitButton } from '../../components/SubmitButton';

export function NotesEditor({ appointment }: { appointment: AppointmentView }) {
  const applyChange = useSchedule((s) => s.applyChange);
  const form = useSchemaForm({
    initial: { notes: appointment.notes },
    schema: schedulingChannels['appointments.updateNotes'].request,
    toInput: (v) => ({ id: appointment.id, notes: v.notes }),
    send: (request) => api('appointments.updateNotes', request),
    onDone: applyChange,
  });
  return (
    <div className="notes-editor">
      <TextAreaField label="Notes" rows={3} maxLength={2000} {...form.field('notes')} />
      <ErrorAlert message={form.failure?.message ?? null} />
      <div className="button-row button-row--tight">
        <SubmitButton
          form={form}
          type="button"
          variant="plain"
          disabled={form.values.notes === appointment.notes}
        >
          Save notes
        </SubmitButton>
        <span role="status">{form.succeeded ? 'Notes saved' : ''}</span>
      </div>
    </div>
  );
}
