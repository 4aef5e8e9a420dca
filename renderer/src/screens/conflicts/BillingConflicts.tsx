// Billing conflicts in the Conflicts view: invoices that two workstations left
// overpaid (both offline payments kept), void while still holding a payment,
// or a patient's credit spent twice offline. One click settles each through
// the ordinary channels (audited, synced): refund the money held beyond what
// is owed by the latest payment's method, or keep it as the patient's credit;
// for spent credit, undo the latest payment from credit (the invoice owes it
// again). People without the permission a fix needs are told who can.
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

const title: Record<BillingConflict['kind'], string> = {
  overpaid: 'Invoice overpaid',
  void_with_payments: 'Void invoice holds a payment',
  credit_overspent: 'Credit spent twice',
};

const amountLabel: Record<BillingConflict['kind'], string> = {
  overpaid: 'Overpaid by',
  void_with_payments: 'Held on the void invoice',
  credit_overspent: 'Spent beyond the credit',
};

const reasonOf = (c: BillingConflict): string => {
  switch (c.kind) {
    case 'overpaid':
      return 'Overpayment: payments taken on two workstations while offline';
    case 'void_with_payments':
      return 'Payment taken on an invoice voided on another workstation';
    case 'credit_overspent':
      return 'Credit spent on two workstations while offline';
  }
};

export function BillingConflicts({ conflicts, session, onChanged }: Props) {
  const money = moneyOf(session);
  const canRefund = holds(session.capabilities, 'billing.refund');
  const canWrite = holds(session.capabilities, 'billing.write');
  const request = useRequest();
  const number = (c: BillingConflict) => c.invoice.invoiceNumber ?? 'the invoice';
  const keep = async (c: BillingConflict) => {
    const r = await request.run(() =>
      api('billing.keepCredit', { billingId: c.invoice.id, amount: c.amount }),
    );
    if (r.ok)
      onChanged(
        `Kept ${money(c.amount)} on ${number(c)} as ${c.invoice.patientName}’s credit. The conflict ends on every workstation once this syncs.`,
      );
  };
  const undo = async (c: BillingConflict) => {
    const id = c.creditId;
    if (id === null) return;
    const r = await request.run(() => api('billing.undoCreditPayment', { id }));
    if (r.ok)
      onChanged(
        `Undid the latest payment from credit on ${number(c)}; it is due again. The conflict ends on every workstation once this syncs.`,
      );
  };
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
        `Refunded ${money(c.amount)} by ${methodLabel[c.method].toLowerCase()} on ${number(c)}. The conflict ends on every workstation once this syncs.`,
      );
  };
  return (
    <>
      <ErrorAlert message={request.failure?.message ?? null} />
      {conflicts.map((c) => {
        const label = `${title[c.kind]}: ${c.invoice.invoiceNumber ?? 'draft'}, ${c.invoice.patientName}`;
        const spent = c.kind === 'credit_overspent';
        return (
          <section key={`${c.kind}-${c.invoice.id}`} className="conflict" aria-label={label}>
            <h2>{title[c.kind]}</h2>
            {spent && (
              <p>
                Two workstations paid from the same credit while offline. Undo the latest payment
                from credit; the invoice is then due again.
              </p>
            )}
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
                {c.invoice.state.fromCredit > 0 &&
                  `, ${money(c.invoice.state.fromCredit)} from credit`}
                {c.invoice.state.refunded > 0 && `, ${money(c.invoice.state.refunded)} refunded`}
              </dd>
              <dt>{amountLabel[c.kind]}</dt>
              <dd>{money(c.amount)}</dd>
            </dl>
            <div className="button-row">
              {spent && canRefund && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={request.busy}
                  onClick={() => void undo(c)}
                >
                  Undo the latest payment from credit
                </button>
              )}
              {!spent && canRefund && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={request.busy}
                  onClick={() => void refund(c)}
                >
                  {`Refund ${money(c.amount)} by ${methodLabel[c.method].toLowerCase()}`}
                </button>
              )}
              {!spent && canWrite && (
                <button type="button" disabled={request.busy} onClick={() => void keep(c)}>
                  {`Keep ${money(c.amount)} as credit`}
                </button>
              )}
            </div>
            {!canRefund && (
              <p>
                {spent
                  ? 'An administrator with the refund permission can undo it here.'
                  : 'An administrator with the refund permission can refund it here.'}
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}
