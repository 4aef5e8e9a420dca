// One appointment: when, with whom, its status and the changes allowed from
// it, notes, rescheduling and cancelling. Refusals show the core's message.
// The patient's name links to their record; a completed visit offers its next
// step (an invoice at the front desk, the chart for the doctor).
import type { AppointmentView } from '../../../../shared/api/scheduling';
import { canTransition, localDateOf } from '../../../../shared/scheduling';
import { useSchedule } from '../../stores/schedule-store';
import { useSession } from '../../stores/session-store';
import { patientsRoute } from '../patients/route';
import { CancelForm } from './CancelForm';
import { NotesEditor } from './NotesEditor';
import { RescheduleForm } from './RescheduleForm';
import { SidePanel } from './SidePanel';
import { StatusActions } from './StatusActions';
import { clockTimeOf, longDate } from './time';
import { StatusPill } from './StatusPill';
import { VisitNextStep } from './VisitNextStep';

interface Props {
  id: string;
  timeZone: string;
}

export function AppointmentDetails({ id, timeZone }: Props) {
  const appointment = useSchedule((s) => s.appointments.find((a) => a.id === id));
  const session = useSession((s) => s.session);
  if (!appointment) {
    return (
      <SidePanel title="Appointment">
        <p>This appointment is not in the dates shown.</p>
      </SidePanel>
    );
  }
  return (
    <SidePanel title={appointment.patientName}>
      <Facts a={appointment} timeZone={timeZone} />
      <StatusActions appointment={appointment} />
      {session && <VisitNextStep appointment={appointment} session={session} />}
      <NotesEditor key={appointment.updatedAt} appointment={appointment} />
      <div className="details-actions">
        {appointment.status === 'scheduled' && (
          <RescheduleForm
            key={appointment.updatedAt}
            appointment={appointment}
            timeZone={timeZone}
          />
        )}
        {canTransition(appointment.status, 'cancelled') && <CancelForm appointment={appointment} />}
      </div>
    </SidePanel>
  );
}

function Facts({ a, timeZone }: { a: AppointmentView; timeZone: string }) {
  const start = Date.parse(a.scheduledAt);
  const end = start + a.durationMinutes * 60_000;
  return (
    <dl className="details-list appt-facts">
      <dt>Patient</dt>
      <dd>
        <a href={patientsRoute.href({ kind: 'view', id: a.patientId })}>{a.patientName}</a>
      </dd>
      <dt>When</dt>
      <dd>
        {longDate(localDateOf(start, timeZone))}, {clockTimeOf(start, timeZone)}–
        {clockTimeOf(end, timeZone)}
      </dd>
      <dt>Doctor</dt>
      <dd>{a.doctorName}</dd>
      <dt>Status</dt>
      <dd data-testid="appointment-status">
        <StatusPill status={a.status} />
      </dd>
      <dt>Medical record number</dt>
      <dd>{a.patientMrn}</dd>
      {a.overbookReason && (
        <>
          <dt>Overbooked because</dt>
          <dd>{a.overbookReason}</dd>
        </>
      )}
      {a.cancelReason && (
        <>
          <dt>Cancelled because</dt>
          <dd>{a.cancelReason}</dd>
        </>
      )}
    </dl>
  );
}
