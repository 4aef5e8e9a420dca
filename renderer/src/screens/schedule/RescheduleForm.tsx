// Moving an appointment by editing its date, time or doctor: the keyboard way
// to do what dragging a block does. A clash can be overbooked with a reason.
import { useState } from 'react';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { schedulingChannels } from '../../../../shared/api/scheduling';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useClinicFormat } from '../../stores/clinic-format';
import { useSchedule } from '../../stores/schedule-store';
import { OverbookPrompt } from './OverbookPrompt';
import { whenOf, whenProblems, whenRequest, type When } from './when';
import { WhenFields } from './WhenFields';
import { SubmitButton } from '../../components/SubmitButton';

interface Props {
  appointment: AppointmentView;
  timeZone: string;
}

interface Move extends When {
  overbookReason: string | null;
}

export function RescheduleForm({ appointment: a, timeZone }: Props) {
  const doctors = useSchedule((s) => s.doctors) ?? [];
  const { timeFormat } = useClinicFormat().locale;
  const applyChange = useSchedule((s) => s.applyChange);
  const [open, setOpen] = useState(false);
  const initial: Move = {
    ...whenOf(a.doctorId, Date.parse(a.scheduledAt), a.durationMinutes, timeZone, timeFormat),
    overbookReason: null,
  };
  const form = useSchemaForm({
    initial,
    schema: schedulingChannels['appointments.reschedule'].request,
    toInput: (m) => ({ id: a.id, ...whenRequest(m, timeZone), overbookReason: m.overbookReason }),
    check: (values) => whenProblems(values, timeFormat),
    send: (request) => api('appointments.reschedule', request),
    onDone(moved) {
      applyChange(moved);
      setOpen(false);
    },
  });
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Reschedule…
      </button>
    );
  }
  return (
    <fieldset className="reschedule-form" id={form.id}>
      <legend>Reschedule</legend>
      <WhenFields field={form.field} errors={form.errors} doctors={doctors} />
      <ErrorAlert message={form.failure?.message ?? null} />
      <div className="button-row button-row--tight">
        <SubmitButton form={form} type="button" patch={{ overbookReason: null }}>
          Move appointment
        </SubmitButton>
        {form.failure?.code === 'SLOT_TAKEN' && (
          <OverbookPrompt
            busy={form.busy}
            onConfirm={(reason) => form.submit({ overbookReason: reason })}
          />
        )}
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          Keep time
        </button>
      </div>
    </fieldset>
  );
}
