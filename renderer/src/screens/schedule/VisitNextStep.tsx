// What comes after a completed visit, for whoever is looking: the front desk
// creates its invoice (and lands on the new draft), the doctor opens the chart.
// Offered by capability, the same ones the core checks.
import type { AppointmentView } from '../../../../shared/api/scheduling';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequest } from '../../lib/useRequest';
import { useNav } from '../../stores/nav-store';
import { billingRoute } from '../billing/route';
import { chartHref } from '../chart/route';

interface Props {
  appointment: AppointmentView;
  session: SessionInfo;
}

export function VisitNextStep({ appointment, session }: Props) {
  const go = useNav((s) => s.go);
  const { busy, failure, run } = useRequest();
  if (appointment.status !== 'completed') return null;
  const canInvoice = holds(session.capabilities, 'billing.write');
  const canChart = holds(session.capabilities, 'records.write');
  if (!canInvoice && !canChart) return null;
  const invoice = async () => {
    const made = await run(() =>
      api('billing.createFromAppointment', { appointmentId: appointment.id }),
    );
    if (made.ok) go(billingRoute.href({ kind: 'invoice', id: made.value.invoice.id }));
  };
  return (
    <div className="next-step" role="group" aria-label="Next step">
      <p className="next-step__title">Visit completed. Next step:</p>
      <ErrorAlert message={failure?.message ?? null} />
      <div className="button-row">
        {canInvoice && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void invoice()}
          >
            Create invoice
          </button>
        )}
        {canChart && (
          <a className="button button--primary" href={chartHref(appointment.patientId)}>
            Open the chart
          </a>
        )}
      </div>
    </div>
  );
}
