// Cancelling an appointment needs a reason, kept on the appointment. Used in
// the appointment's details and on the Conflicts screen (where cancelling one
// of two overlapping appointments resolves the conflict).
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { schedulingChannels } from '../../../../shared/api/scheduling';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { reasonMessages } from './reason';
import { SubmitButton } from '../../components/SubmitButton';

interface Props {
  appointment: AppointmentView;
  legend: string;
  className?: string;
  onCancelled(appointment: AppointmentView): void;
  /** "Keep appointment": close the form without cancelling. */
  onKeep(): void;
}

export function CancelAppointmentForm({
  appointment,
  legend,
  className,
  onCancelled,
  onKeep,
}: Props) {
  const form = useSchemaForm({
    initial: { reason: '' },
    schema: schedulingChannels['appointments.cancel'].request,
    toInput: (v) => ({ id: appointment.id, reason: v.reason }),
    messages: reasonMessages,
    refusal: () => null,
    send: (request) => api('appointments.cancel', request),
    onDone: onCancelled,
  });
  return (
    <fieldset className={className} id={form.id}>
      <legend>{legend}</legend>
      <TextField label="Reason for cancelling" autoFocus {...form.field('reason')} />
      <ErrorAlert message={form.failure?.message ?? null} />
      <div className="button-row button-row--tight">
        <SubmitButton form={form} type="button" variant="danger">
          Confirm cancellation
        </SubmitButton>
        <button type="button" className="button button--quiet" onClick={onKeep}>
          Keep appointment
        </button>
      </div>
    </fieldset>
  );
}
