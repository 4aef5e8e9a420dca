// One invoice: its lines, totals, payments, refunds and patient credit,
// derived status and balance, conflict notes, and the actions the session's
// capabilities allow (issue or delete a draft, add lines, pay, pay from credit,
// keep as credit, refund, void, print).
import { useState } from 'react';
import type { InvoiceDetail } from '../../../../shared/api/billing';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { moneyOf } from './billing-format';
import { methodLabel } from './billing-model';
import { CreditPanel } from './CreditPanel';
import { DocumentLinks } from './DocumentLinks';
import { DraftLineForm } from './DraftLineForm';
import { MoneyForm } from './MoneyForm';
import { StatusTag } from './StatusTag';
import { VoidForm } from './VoidForm';

interface Props {
  id: string;
  session: SessionInfo;
  onBack(): void;
}

export function InvoiceView({ id, session, onBack }: Props) {
  const loaded = useLoaded(`invoice-${id}`, () => api('billing.get', { id }));
  const [detail, setDetail] = useState<InvoiceDetail | null>(null);
  // The latest answer: a change made here, else the loaded invoice (the view is keyed by id).
  const d = detail ?? loaded.value;
  const req = useRequest();
  const fmt = moneyOf(session);
  if (!d)
    return loaded.failure ? (
      <ErrorAlert message={loaded.failure.message} />
    ) : (
      <p>Loading invoice…</p>
    );
  const { invoice, state } = d;
  const canWrite = holds(session.capabilities, 'billing.write');
  const canRefund = holds(session.capabilities, 'billing.refund');
  const act = (call: () => Promise<InvoiceDetail>) =>
    void req.run(call).then((r) => {
      if (r.ok) setDetail(r.value);
    });
  const changed = (v: InvoiceDetail) => setDetail(v);
  return (
    <article className="panel invoice" aria-labelledby="invoice-title">
      <button type="button" onClick={onBack}>
        Back to invoices
      </button>
      <h2 id="invoice-title">
        {invoice.invoiceNumber ? `Invoice ${invoice.invoiceNumber}` : 'Draft invoice'}
      </h2>
      <p>
        <StatusTag status={state.status} /> {d.patientName}
        {d.doctorName ? ` · ${d.doctorName}` : ''}
      </p>
      {state.conflict === 'overpaid' && (
        <p role="alert" className="conflict-note">
          Overpaid by {fmt(state.overpaid - state.credit)} (payments taken on two workstations).
          Refund the excess or keep it as the patient’s credit.
        </p>
      )}
      {state.conflict === 'void_with_payments' && (
        <p role="alert" className="conflict-note">
          This invoice was voided while a payment of {fmt(state.overpaid - state.credit)} was taken
          elsewhere. Refund it or keep it as the patient’s credit.
        </p>
      )}
      <ErrorAlert message={req.failure?.message ?? null} />
      <DataTable
        className="data-table"
        caption="Lines"
        rows={d.lines}
        rowKey={(l) => l.id}
        columns={[
          { header: 'Item', rowHeader: true, cell: (l) => l.description },
          { header: 'Quantity', cell: (l) => l.quantity },
          { header: 'Unit price', cell: (l) => fmt(l.unitPrice) },
          {
            header: 'Discount',
            cell: (l) =>
              l.discountAmount ? `${fmt(l.discountAmount)} (${l.discountReason ?? ''})` : '—',
          },
          { header: 'Tax', cell: (l) => (l.taxAmount ? fmt(l.taxAmount) : '—') },
          { header: 'Amount', cell: (l) => fmt(l.amount) },
        ]}
      />
      <dl className="invoice-sums" aria-label="Invoice totals">
        <dt>Total</dt>
        <dd>{fmt(state.total)}</dd>
        <dt>Paid</dt>
        <dd>{fmt(state.paid)}</dd>
        {state.fromCredit > 0 && (
          <>
            <dt>Paid from credit</dt>
            <dd data-testid="from-credit">{fmt(state.fromCredit)}</dd>
          </>
        )}
        <dt>Refunded</dt>
        <dd>{fmt(state.refunded)}</dd>
        <dt>Balance due</dt>
        <dd data-testid="balance">{fmt(state.balance)}</dd>
        {state.credit > 0 && (
          <>
            <dt>Kept as the patient’s credit</dt>
            <dd data-testid="credit">{fmt(state.credit)}</dd>
          </>
        )}
      </dl>
      {d.payments.length > 0 && (
        <DataTable
          className="data-table"
          caption="Payments"
          rows={d.payments}
          rowKey={(p) => p.id}
          columns={[
            { header: 'Payment', rowHeader: true, cell: (p) => methodLabel[p.method] },
            { header: 'Amount', cell: (p) => fmt(p.amount) },
            { header: 'Tendered', cell: (p) => (p.tenderedAmount ? fmt(p.tenderedAmount) : '—') },
            { header: 'Change', cell: (p) => (p.changeGiven !== null ? fmt(p.changeGiven) : '—') },
            { header: 'Reference', cell: (p) => p.reference || '—' },
            { header: 'When', cell: (p) => formatInstant(p.receivedAt) },
          ]}
        />
      )}
      {d.refunds.length > 0 && (
        <DataTable
          className="data-table"
          caption="Refunds"
          rows={d.refunds}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Refund', rowHeader: true, cell: (r) => methodLabel[r.method] },
            { header: 'Amount', cell: (r) => fmt(r.amount) },
            { header: 'Reason', cell: (r) => r.reason },
            { header: 'When', cell: (r) => formatInstant(r.refundedAt) },
          ]}
        />
      )}
      <div className="actions">
        {state.status === 'draft' && canWrite && (
          <>
            <button
              type="button"
              disabled={req.busy}
              onClick={() => act(() => api('billing.issue', { id }))}
            >
              Issue invoice
            </button>
            <button
              type="button"
              disabled={req.busy}
              onClick={() =>
                void req.run(() => api('billing.deleteDraft', { id })).then((r) => r.ok && onBack())
              }
            >
              Delete draft
            </button>
          </>
        )}
        {invoice.issuedAt && <DocumentLinks id={id} />}
      </div>
      {state.status === 'draft' && canWrite && (
        <DraftLineForm detail={d} session={session} onDone={changed} />
      )}
      {canWrite && state.balance > 0 && state.status !== 'void' && state.status !== 'draft' && (
        <MoneyForm kind="payment" detail={d} session={session} onDone={changed} />
      )}
      {invoice.issuedAt && <CreditPanel detail={d} session={session} onDone={changed} />}
      {canRefund && state.net > 0 && (
        <MoneyForm kind="refund" detail={d} session={session} onDone={changed} />
      )}
      {canRefund && state.net === 0 && invoice.issuedAt && !invoice.voidedAt && (
        <VoidForm id={id} onDone={changed} />
      )}
    </article>
  );
}
