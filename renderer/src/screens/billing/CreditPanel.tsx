// The patient's credit on one invoice: what was paid from credit (each with
// "Undo" for those who may correct payments), "Pay from credit" when the
// patient holds credit and something is due, and "Keep as credit" for money
// the invoice holds beyond its total that nobody kept (two workstations paid
// offline, or a void invoice still holding money). Every click is one core
// request (billing.payFromCredit, billing.keepCredit, billing.undoCreditPayment),
// audited and synced like any billing write.
import type { InvoiceDetail } from '../../../../shared/api/billing';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { moneyOf } from './billing-format';

interface Props {
  detail: InvoiceDetail;
  session: SessionInfo;
  onDone(d: InvoiceDetail): void;
}

export function CreditPanel({ detail, session, onDone }: Props) {
  const req = useRequest();
  const fmt = moneyOf(session);
  const { state, invoice } = detail;
  const canWrite = holds(session.capabilities, 'billing.write');
  const canRefund = holds(session.capabilities, 'billing.refund');
  const applied = detail.credits.filter((c) => c.kind === 'applied');
  const payable = Math.min(state.balance, detail.patientCredit);
  const canPay = canWrite && payable > 0 && invoice.issuedAt !== null && !invoice.voidedAt;
  const unkept = state.conflict !== null ? state.overpaid - state.credit : 0;
  const act = (call: () => Promise<InvoiceDetail>) =>
    void req.run(call).then((r) => {
      if (r.ok) onDone(r.value);
    });
  if (applied.length === 0 && !canPay && !(canWrite && unkept > 0)) return null;
  return (
    <section className="subform" aria-label="Patient credit">
      <h3>Patient credit</h3>
      {applied.length > 0 && (
        <DataTable
          className="data-table"
          caption="Paid from credit"
          rows={applied}
          rowKey={(c) => c.id}
          columns={[
            { header: 'Amount', rowHeader: true, cell: (c) => fmt(c.amount) },
            { header: 'When', cell: (c) => formatInstant(c.recordedAt) },
            ...(canRefund
              ? [
                  {
                    header: 'Correct',
                    cell: (c: (typeof applied)[number]) => (
                      <button
                        type="button"
                        disabled={req.busy}
                        aria-label={`Undo the payment of ${fmt(c.amount)} from credit`}
                        onClick={() => act(() => api('billing.undoCreditPayment', { id: c.id }))}
                      >
                        Undo
                      </button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {detail.patientCredit !== 0 && (
        <p data-testid="patient-credit">
          {detail.patientCredit > 0
            ? `${detail.patientName} has ${fmt(detail.patientCredit)} of credit.`
            : `${detail.patientName}'s credit was spent twice on different workstations (${fmt(-detail.patientCredit)} too much): see Conflicts.`}
        </p>
      )}
      <ErrorAlert message={req.failure?.message ?? null} />
      <div className="button-row">
        {canPay && (
          <button
            type="button"
            disabled={req.busy}
            onClick={() =>
              act(() => api('billing.payFromCredit', { billingId: invoice.id, amount: payable }))
            }
          >
            {`Pay ${fmt(payable)} from credit`}
          </button>
        )}
        {canWrite && unkept > 0 && (
          <button
            type="button"
            disabled={req.busy}
            onClick={() =>
              act(() => api('billing.keepCredit', { billingId: invoice.id, amount: unkept }))
            }
          >
            {`Keep ${fmt(unkept)} as the patient’s credit`}
          </button>
        )}
      </div>
    </section>
  );
}
