// Moving an appointment by editing its date, time or doctor: the keyboard way
// to do what dragging a block does. A clash can be overbooked with a reason.
import { useState } from 'react';
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { utcToZoned } from '../../../../shared/scheduling';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSchedule } from '../../stores/schedule-store';
import { OverbookPrompt } from './OverbookPrompt';
import { WhenFields, type When } from './WhenFields';
import { isoOf } from './time';
import { useAppointmentAction } from './useAppointmentAction';

interface Props {
  appointment: AppointmentView;
  timeZone: string;
}

export function RescheduleForm({ appointment: a, timeZone }: Props) {
  const doctors = useSchedule((s) => s.doctors) ?? [];
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState<When>(() => ({
    doctorId: a.doctorId,
    ...utcToZoned(Date.parse(a.scheduledAt), timeZone),
    duration: String(a.durationMinutes),
  }));
  const { busy, failure, run } = useAppointmentAction();
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Reschedule…
      </button>
    );
  }
  const move = (overbookReason: string | null) =>
    void run(() =>
      api('appointments.reschedule', {
        id: a.id,
        doctorId: when.doctorId,
        scheduledAt: isoOf(when.date, when.time, timeZone),
        durationMinutes: Number(when.duration),
        overbookReason,
      }),
    ).then((ok) => ok && setOpen(false));
  return (
    <fieldset className="reschedule-form">
      <legend>Reschedule</legend>
      <WhenFields value={when} onChange={setWhen} doctors={doctors} />
      <ErrorAlert message={failure?.message ?? null} />
      <div className="button-row button-row--tight">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => move(null)}
        >
          Move appointment
        </button>
        {failure?.slotTaken && <OverbookPrompt busy={busy} onConfirm={move} />}
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          Keep time
        </button>
      </div>
    </fieldset>
  );
}
