// The status changes allowed from the current status (shared/scheduling's
// lifecycle), as buttons. Cancelling needs a reason, so it has its own form.
import type { AppointmentView } from '../../../../shared/api/scheduling';
import type { AppointmentStatus } from '../../../../shared/domain/enums';
import { nextStatuses } from '../../../../shared/scheduling';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { actionLabel } from './status';
import { useAppointmentAction } from './useAppointmentAction';

export function StatusActions({ appointment }: { appointment: AppointmentView }) {
  const { busy, failure, run } = useAppointmentAction();
  const next = nextStatuses(appointment.status).filter(
    (s): s is Exclude<AppointmentStatus, 'cancelled'> => s !== 'cancelled',
  );
  if (next.length === 0) return null;
  return (
    <div>
      <ErrorAlert message={failure?.message ?? null} />
      <div className="button-row" role="group" aria-label="Status">
        {next.map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'no_show' ? 'button' : 'button button--primary'}
            disabled={busy}
            onClick={() =>
              void run(() => api('appointments.setStatus', { id: appointment.id, status }))
            }
          >
            {actionLabel(status)}
          </button>
        ))}
      </div>
    </div>
  );
}
