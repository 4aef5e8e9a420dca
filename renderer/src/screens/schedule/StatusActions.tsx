// The status changes allowed from the current status (shared/scheduling's
// lifecycle), as buttons. Cancelling needs a reason, so it has its own form.
// Check-in is offered only on the appointment's own day (the clinic's time
// zone), the same rule the core enforces.
import type { AppointmentView } from '../../../../shared/api/scheduling';
import type { AppointmentStatus } from '../../../../shared/domain/enums';
import { checkInRefusal, nextStatuses } from '../../../../shared/scheduling';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequest } from '../../lib/useRequest';
import { useSchedule } from '../../stores/schedule-store';
import { useSession } from '../../stores/session-store';
import { actionLabel } from './status';

export function StatusActions({ appointment }: { appointment: AppointmentView }) {
  const applyChange = useSchedule((s) => s.applyChange);
  const timeZone = useSession((s) => s.session?.tenant.timeZone ?? 'UTC');
  const today = useSchedule((s) => s.today);
  const { busy, failure, run } = useRequest();
  const notToday = checkInRefusal(appointment.scheduledAt, today, timeZone);
  const next = nextStatuses(appointment.status).filter(
    (s): s is Exclude<AppointmentStatus, 'cancelled'> =>
      s !== 'cancelled' && !(s === 'checked_in' && notToday !== null),
  );
  if (next.length === 0) return null;
  const move = (status: Exclude<AppointmentStatus, 'cancelled'>) =>
    void run(() => api('appointments.setStatus', { id: appointment.id, status }).then(applyChange));
  return (
    <div>
      <ErrorAlert message={failure?.message ?? null} />
      {appointment.status === 'scheduled' && notToday !== null && (
        <p className="field__hint">Check-in opens on the day of the appointment.</p>
      )}
      <div className="button-row" role="group" aria-label="Status">
        {next.map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'no_show' ? 'button' : 'button button--primary'}
            disabled={busy}
            onClick={() => move(status)}
          >
            {actionLabel(status)}
          </button>
        ))}
      </div>
    </div>
  );
}
