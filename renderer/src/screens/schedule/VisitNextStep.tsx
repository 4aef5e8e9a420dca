// What comes after a completed visit, for whoever is looking: the front desk
// creates its invoice (and lands on the new draft) or, when the visit already
// has one, opens that invoice; the doctor opens the chart. Offered by
// capability, the same ones the core checks (which also refuses a second
// invoice for the visit, whichever screen asks).
import type { AppointmentView } from '../../../../shared/api/scheduling';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoaded } from '../../lib/useLoaded';
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
  const completed = appointment.status === 'completed';
  const canInvoice = holds(session.capabilities, 'billing.write');
  const canChart = holds(session.capabilities, 'records.write');
  const existing = useLoaded(`visit-invoice:${appointment.id}:${completed && canInvoice}`, () =>
    completed && canInvoice
      ? api('billing.forAppointment', { appointmentId: appointment.id })
      : Promise.resolve({ invoice: null }),
  );
  if (!completed) return null;
  if (!canInvoice && !canChart) return null;
  const openInvoice = (id: string) => go(billingRoute.href({ kind: 'invoice', id }));
  const invoice = async () => {
    const made = await run(() =>
      api('billing.createFromAppointment', { appointmentId: appointment.id }),
    );
    if (made.ok) openInvoice(made.value.invoice.id);
    // Another screen (or workstation, after a sync) made one meanwhile: offer it.
    else existing.reload();
  };
  const has = existing.value?.invoice ?? null;
  return (
    <div className="next-step" role="group" aria-label="Next step">
      <p className="next-step__title">Visit completed. Next step:</p>
      <ErrorAlert message={failure?.message ?? null} />
      <div className="button-row">
        {canInvoice && has && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => openInvoice(has.id)}
          >
            {has.invoiceNumber ? `Open invoice ${has.invoiceNumber}` : 'Open the draft invoice'}
          </button>
        )}
        {canInvoice && !has && (
          <button
            type="button"
            className="button button--primary"
            // Until the visit's invoice is known, so a slow answer cannot offer a second one.
            disabled={busy || (existing.value === null && existing.failure === null)}
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
