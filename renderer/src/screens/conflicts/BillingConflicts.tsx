// Billing conflicts in the Conflicts view: invoices that two workstations left
// overpaid (both offline payments kept), or void while still holding a
// payment. One click refunds the money held beyond what is owed, by the
// latest payment's method, through the ordinary refund channel (so it is
// audited and on the day's close); people without the refund permission are
// told who can.
import type { BillingConflict } from '../../../../shared/api/billing';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequest } from '../../lib/useRequest';
import { moneyOf } from '../billing/billing-format';
import { methodLabel } from '../billing/billing-model';

interface Props {
  conflicts: BillingConflict[];
  session: SessionInfo;
  onChanged(message: string): void;
}

const title = (c: BillingConflict): string =>
  c.kind === 'overpaid' ? 'Invoice overpaid' : 'Void invoice holds a payment';

const reasonOf = (c: BillingConflict): string =>
  c.kind === 'overpaid'
    ? 'Overpayment: payments taken on two workstations while offline'
    : 'Payment taken on an invoice voided on another workstation';

export function BillingConflicts({ conflicts, session, onChanged }: Props) {
  const money = moneyOf(session);
  const canRefund = holds(session.capabilities, 'billing.refund');
  const request = useRequest();
  const refund = async (c: BillingConflict) => {
    const r = await request.run(() =>
      api('billing.refund', {
        billingId: c.invoice.id,
        amount: c.amount,
        method: c.method,
        reason: reasonOf(c),
      }),
    );
    if (r.ok)
      onChanged(
        `Refunded ${money(c.amount)} by ${methodLabel[c.method].toLowerCase()} on ${c.invoice.invoiceNumber ?? 'the invoice'}. The conflict ends on every workstation once this syncs.`,
      );
  };
  return (
    <>
      <ErrorAlert message={request.failure?.message ?? null} />
      {conflicts.map((c) => {
        const label = `${title(c)}: ${c.invoice.invoiceNumber ?? 'draft'}, ${c.invoice.patientName}`;
        return (
          <section key={c.invoice.id} className="conflict" aria-label={label}>
            <h2>{title(c)}</h2>
            <dl>
              <dt>Invoice</dt>
              <dd>{c.invoice.invoiceNumber ?? 'Draft'}</dd>
              <dt>Patient</dt>
              <dd>{c.invoice.patientName}</dd>
              <dt>Total</dt>
              <dd>{money(c.invoice.state.total)}</dd>
              <dt>Paid</dt>
              <dd>
                {money(c.invoice.state.paid)}
                {c.invoice.state.refunded > 0 && `, ${money(c.invoice.state.refunded)} refunded`}
              </dd>
              <dt>{c.kind === 'overpaid' ? 'Overpaid by' : 'Held on the void invoice'}</dt>
              <dd>{money(c.amount)}</dd>
            </dl>
            {canRefund ? (
              <div className="button-row">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={request.busy}
                  onClick={() => void refund(c)}
                >
                  {`Refund ${money(c.amount)} by ${methodLabel[c.method].toLowerCase()}`}
                </button>
              </div>
            ) : (
              <p>An administrator with the refund permission can refund it here.</p>
            )}
          </section>
        );
      })}
    </>
  );
}
