// Billing: the invoice list (filters, totals, keyset "Show more"), today's
// visits to invoice, one invoice with its lines, payments, refunds, status and
// balance (and the forms to pay, refund, void, issue), and the daily close.
// Buttons follow session.capabilities; the core enforces the same table.
import { useState } from 'react';
import type { InvoiceDetail, InvoiceList } from '../../../../shared/api/billing';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';
import { derivedStatuses, type DerivedStatus } from '../../../../shared/billing';
import type { PaymentMethod } from '../../../../shared/domain/enums';
import { addDaysToDate, localDateOf } from '../../../../shared/scheduling';
import { api } from '../../api/client';
import type { ScreenProps } from '../../app/screen-definition';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Segmented } from '../../components/Segmented';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { TitleRow } from '../../components/TitleRow';
import { useLoaded } from '../../lib/useLoaded';
import { useRequest } from '../../lib/useRequest';
import { formatMinorUnits, parseMajorUnits } from '../admin/money';
import {
  countedCashOf,
  draftPayment,
  draftRefund,
  listRequest,
  methodLabel,
  methodOptions,
  noFilters,
  statusWords,
  type ListFilters,
} from './billing-model';

type Tab = 'invoices' | 'close';

export function BillingScreen({ session }: ScreenProps<undefined>) {
  const [tab, setTab] = useState<Tab>('invoices');
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <section className="billing" aria-labelledby="billing-title">
      <TitleRow title="Billing" headingId="billing-title">
        <Segmented<Tab>
          label="Billing views"
          segments={[
            { value: 'invoices', label: 'Invoices' },
            { value: 'close', label: 'Daily close' },
          ]}
          value={tab}
          onChange={(t) => {
            setTab(t);
            setOpenId(null);
          }}
        />
      </TitleRow>
      {tab === 'close' ? (
        <DailyClose session={session} />
      ) : openId ? (
        <InvoiceView key={openId} id={openId} session={session} onBack={() => setOpenId(null)} />
      ) : (
        <>
          {holds(session.capabilities, 'billing.write') && (
            <VisitsToInvoice session={session} onOpen={setOpenId} />
          )}
          <Invoices session={session} onOpen={setOpenId} />
        </>
      )}
    </section>
  );
}

const money = (session: SessionInfo) => (minor: number) =>
  formatMinorUnits(minor, session.tenant.currency);

function StatusTag({ status }: { status: DerivedStatus }) {
  return <span className={`status-pill bill--${status}`}>{statusWords(status)}</span>;
}

function VisitsToInvoice({ session, onOpen }: { session: SessionInfo; onOpen(id: string): void }) {
  // The clinic's date when the screen opened (read once, not on every render).
  const [today] = useState(() => localDateOf(Date.now(), session.tenant.timeZone));
  const visits = useLoaded(`visits-${today}`, () =>
    api('schedule.range', { fromDate: today, toDate: today }),
  );
  const req = useRequest();
  const billable = (visits.value?.appointments ?? []).filter((a) =>
    ['checked_in', 'in_progress', 'completed'].includes(a.status),
  );
  return (
    <section className="panel" aria-labelledby="visits-title">
      <h2 id="visits-title">Today’s visits to invoice</h2>
      <ErrorAlert message={req.failure?.message ?? visits.failure?.message ?? null} />
      {billable.length === 0 ? (
        <p>No checked-in or completed visits today.</p>
      ) : (
        <ul className="plain-list">
          {billable.map((a) => (
            <li key={a.id}>
              {a.patientName} with {a.doctorName}{' '}
              <button
                type="button"
                disabled={req.busy}
                onClick={() =>
                  void req
                    .run(() => api('billing.createFromAppointment', { appointmentId: a.id }))
                    .then((r) => r.ok && onOpen(r.value.invoice.id))
                }
              >
                Create invoice for {a.patientName}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Invoices({ session, onOpen }: { session: SessionInfo; onOpen(id: string): void }) {
  // Opens on the last 31 days: totals over a whole clinic's history are a filter away, not the default.
  const [filters, setFilters] = useState<ListFilters>(() => ({
    ...noFilters,
    from: addDaysToDate(localDateOf(Date.now(), session.tenant.timeZone), -30),
  }));
  const [more, setMore] = useState<InvoiceList['items']>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const key = JSON.stringify(filters);
  const list = useLoaded(`invoices-${key}`, () => api('billing.list', listRequest(filters)));
  const doctors = useLoaded('billing-doctors', () => api('doctors.list', {}));
  const fmt = money(session);
  const set = (patch: Partial<ListFilters>) => {
    setFilters({ ...filters, ...patch });
    setMore([]);
    setCursor(null);
  };
  const nextCursor = cursor ?? list.value?.nextCursor ?? null;
  const rows = [...(list.value?.items ?? []), ...more];
  const showMore = async () => {
    if (!nextCursor) return;
    const page = await api('billing.list', listRequest(filters, nextCursor));
    setMore([...more, ...page.items]);
    setCursor(page.nextCursor ?? '');
  };
  const t = list.value?.totals;
  return (
    <section className="panel" aria-labelledby="invoices-title">
      <h2 id="invoices-title">Invoices</h2>
      <div className="filters" role="group" aria-label="Filter invoices">
        <SelectField
          label="Status"
          value={filters.status}
          options={[
            { value: '', label: 'Any status' },
            ...derivedStatuses.map((s) => ({ value: s, label: statusWords(s) })),
          ]}
          onChange={(v) => set({ status: v as ListFilters['status'] })}
        />
        <SelectField
          label="Payment method"
          value={filters.method}
          options={[{ value: '', label: 'Any method' }, ...methodOptions]}
          onChange={(v) => set({ method: v as ListFilters['method'] })}
        />
        <SelectField
          label="Doctor"
          value={filters.doctorId}
          options={[
            { value: '', label: 'Any doctor' },
            ...(Array.isArray(doctors.value) ? doctors.value : []).map((d) => ({
              value: d.id,
              label: d.displayName,
            })),
          ]}
          onChange={(v) => set({ doctorId: v })}
        />
        <TextField
          label="From"
          type="date"
          value={filters.from}
          onChange={(v) => set({ from: v })}
        />
        <TextField label="To" type="date" value={filters.to} onChange={(v) => set({ to: v })} />
      </div>
      <ErrorAlert message={list.failure?.message ?? null} />
      {t && (
        <p className="totals" aria-label="Totals">
          {t.count} invoices · total {fmt(t.total)} · paid {fmt(t.paid)} · refunded{' '}
          {fmt(t.refunded)} · outstanding {fmt(t.balance)}
        </p>
      )}
      <DataTable
        className="data-table"
        caption="Invoices"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: 'Invoice', rowHeader: true, cell: (r) => r.invoiceNumber ?? 'Draft' },
          { header: 'Date', cell: (r) => localDateOf(Date.parse(r.date), session.tenant.timeZone) },
          { header: 'Patient', cell: (r) => r.patientName },
          { header: 'Doctor', cell: (r) => r.doctorName ?? '—' },
          { header: 'Status', cell: (r) => <StatusTag status={r.state.status} /> },
          { header: 'Total', cell: (r) => fmt(r.state.total) },
          { header: 'Balance', cell: (r) => fmt(r.state.balance) },
          {
            header: 'Actions',
            hiddenHeader: true,
            cell: (r) => (
              <button type="button" onClick={() => onOpen(r.id)}>
                Open {r.invoiceNumber ?? 'draft'}
              </button>
            ),
          },
        ]}
      />
      {nextCursor && (
        <button type="button" onClick={() => void showMore()}>
          Show more invoices
        </button>
      )}
    </section>
  );
}

function InvoiceView({
  id,
  session,
  onBack,
}: {
  id: string;
  session: SessionInfo;
  onBack(): void;
}) {
  const loaded = useLoaded(`invoice-${id}`, () => api('billing.get', { id }));
  const [detail, setDetail] = useState<InvoiceDetail | null>(null);
  // The latest answer: a change made here, else the loaded invoice (the view is keyed by id).
  const d = detail ?? loaded.value;
  const req = useRequest();
  const fmt = money(session);
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
          Overpaid by {fmt(state.overpaid)} (payments taken on two workstations). Refund the excess.
        </p>
      )}
      {state.conflict === 'void_with_payments' && (
        <p role="alert" className="conflict-note">
          This invoice was voided while a payment of {fmt(state.overpaid)} was taken elsewhere.
          Refund it.
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
        <dt>Refunded</dt>
        <dd>{fmt(state.refunded)}</dd>
        <dt>Balance due</dt>
        <dd data-testid="balance">{fmt(state.balance)}</dd>
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
            { header: 'When', cell: (p) => new Date(p.receivedAt).toLocaleString() },
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
            { header: 'When', cell: (r) => new Date(r.refundedAt).toLocaleString() },
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
        <AddLine detail={d} session={session} onDone={changed} />
      )}
      {canWrite && state.balance > 0 && state.status !== 'void' && state.status !== 'draft' && (
        <PaymentForm detail={d} session={session} onDone={changed} />
      )}
      {canRefund && state.net > 0 && <RefundForm detail={d} session={session} onDone={changed} />}
      {canRefund && state.net === 0 && invoice.issuedAt && !invoice.voidedAt && (
        <VoidForm id={id} onDone={changed} />
      )}
    </article>
  );
}

function DocumentLinks({ id }: { id: string }) {
  const req = useRequest();
  const download = (kind: 'invoice' | 'receipt') =>
    void req
      .run(() => api('billing.document', { id, kind }))
      .then((r) => {
        if (!r.ok) return;
        const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0));
        const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = r.value.fileName;
        a.click();
        URL.revokeObjectURL(url);
      });
  return (
    <>
      <button type="button" disabled={req.busy} onClick={() => download('invoice')}>
        Download invoice PDF
      </button>
      <button type="button" disabled={req.busy} onClick={() => download('receipt')}>
        Download receipt PDF
      </button>
      <ErrorAlert message={req.failure?.message ?? null} />
    </>
  );
}

interface FormProps {
  detail: InvoiceDetail;
  session: SessionInfo;
  onDone(d: InvoiceDetail): void;
}

function AddLine({ detail, session, onDone }: FormProps) {
  const prices = useLoaded('price-list', () => api('billing.priceList', {}));
  const [code, setCode] = useState('');
  const [description, setDescription] = useState('');
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('1');
  const req = useRequest();
  const existing = detail.lines.map((l) => ({
    serviceCode: l.serviceCode,
    description: l.description,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    taxRateBp: l.taxRateBp,
    ...(l.discountKind && l.discountValue !== null
      ? {
          discount:
            l.discountKind === 'amount'
              ? { kind: 'amount' as const, amount: l.discountValue, reason: l.discountReason ?? '' }
              : {
                  kind: 'percent' as const,
                  basisPoints: l.discountValue,
                  reason: l.discountReason ?? '',
                },
        }
      : {}),
  }));
  const items = (prices.value ?? []).filter((p) => p.active);
  const submit = () => {
    const item = items.find((p) => p.code === code);
    // A price the core refuses (not an amount) is sent as NaN, and its message shown.
    const typed = item
      ? item.price
      : (parseMajorUnits(price, session.tenant.currency) ?? Number.NaN);
    void req
      .run(() =>
        api('billing.updateDraft', {
          id: detail.invoice.id,
          lines: [
            ...existing,
            {
              serviceCode: item?.code ?? null,
              description: item?.description ?? description,
              quantity: Number(quantity),
              unitPrice: typed,
              ...(item?.taxRateBp ? { taxRateBp: item.taxRateBp } : {}),
            },
          ],
        }),
      )
      .then((r) => r.ok && onDone(r.value));
  };
  return (
    <form
      className="subform"
      aria-label="Add a line"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>Add a line</h3>
      <SelectField
        label="From the price list"
        value={code}
        options={[
          { value: '', label: 'Free text' },
          ...items.map((p) => ({
            value: p.code,
            label: `${p.code} ${p.description} (${formatMinorUnits(p.price, session.tenant.currency)})`,
          })),
        ]}
        onChange={setCode}
      />
      {!code && (
        <>
          <TextField label="Description" value={description} onChange={setDescription} />
          <TextField label="Unit price" inputMode="decimal" value={price} onChange={setPrice} />
        </>
      )}
      <TextField label="Quantity" inputMode="numeric" value={quantity} onChange={setQuantity} />
      <ErrorAlert message={req.failure?.message ?? null} />
      <button type="submit" disabled={req.busy}>
        Add line
      </button>
    </form>
  );
}

function PaymentForm({ detail, session, onDone }: FormProps) {
  const [method, setMethod] = useState<PaymentMethod>(detail.invoice.paymentMethod);
  const [amount, setAmount] = useState('');
  const [tendered, setTendered] = useState('');
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [lastChange, setLastChange] = useState<number | null>(null);
  const req = useRequest();
  const currency = session.tenant.currency;
  const preview = draftPayment(
    detail.invoice.id,
    { method, amount, tendered, reference },
    detail.state.balance,
    currency,
  );
  const change = preview.ok ? preview.change : null;
  return (
    <form
      className="subform"
      aria-label="Take a payment"
      onSubmit={(e) => {
        e.preventDefault();
        const d = draftPayment(
          detail.invoice.id,
          { method, amount, tendered, reference },
          detail.state.balance,
          currency,
        );
        if (!d.ok) return setProblem(d);
        setProblem(null);
        void req
          .run(() => api('billing.pay', d.request))
          .then((r) => {
            if (!r.ok) return;
            setLastChange(d.change);
            setAmount('');
            setTendered('');
            setReference('');
            onDone(r.value);
          });
      }}
    >
      <h3>Take a payment</h3>
      <SelectField
        label="Method"
        value={method}
        options={methodOptions}
        onChange={(v) => setMethod(v as PaymentMethod)}
      />
      <TextField
        label="Amount"
        inputMode="decimal"
        value={amount}
        hint={`Balance due ${formatMinorUnits(detail.state.balance, currency)}`}
        error={problem?.field === 'amount' ? problem.message : undefined}
        onChange={setAmount}
      />
      {method === 'cash' && (
        <TextField
          label="Cash tendered"
          inputMode="decimal"
          value={tendered}
          error={problem?.field === 'tendered' ? problem.message : undefined}
          onChange={setTendered}
        />
      )}
      {method === 'cash' && change !== null && (
        <p className="change-due">Change due: {formatMinorUnits(change, currency)}</p>
      )}
      {method !== 'cash' && (
        <TextField label="Reference" value={reference} onChange={setReference} />
      )}
      <ErrorAlert message={req.failure?.message ?? null} />
      <p role="status" className="status-note">
        {req.succeeded
          ? `Payment recorded.${lastChange !== null ? ` Change given: ${formatMinorUnits(lastChange, currency)}.` : ''}`
          : ''}
      </p>
      <button type="submit" disabled={req.busy}>
        Record payment
      </button>
    </form>
  );
}

function RefundForm({ detail, session, onDone }: FormProps) {
  const [method, setMethod] = useState<PaymentMethod>(detail.payments[0]?.method ?? 'cash');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const req = useRequest();
  const currency = session.tenant.currency;
  return (
    <form
      className="subform"
      aria-label="Refund"
      onSubmit={(e) => {
        e.preventDefault();
        const d = draftRefund(
          detail.invoice.id,
          { method, amount, reason },
          detail.state.net,
          currency,
        );
        if (!d.ok) return setProblem(d);
        setProblem(null);
        void req
          .run(() => api('billing.refund', d.request))
          .then((r) => {
            if (!r.ok) return;
            setAmount('');
            setReason('');
            onDone(r.value);
          });
      }}
    >
      <h3>Refund</h3>
      <SelectField
        label="Refund method"
        value={method}
        options={methodOptions}
        onChange={(v) => setMethod(v as PaymentMethod)}
      />
      <TextField
        label="Refund amount"
        inputMode="decimal"
        value={amount}
        hint={`At most ${formatMinorUnits(detail.state.net, currency)}`}
        error={problem?.field === 'amount' ? problem.message : undefined}
        onChange={setAmount}
      />
      <TextField
        label="Reason for the refund"
        value={reason}
        error={problem?.field === 'reason' ? problem.message : undefined}
        onChange={setReason}
      />
      <ErrorAlert message={req.failure?.message ?? null} />
      <button type="submit" disabled={req.busy}>
        Refund
      </button>
    </form>
  );
}

function VoidForm({ id, onDone }: { id: string; onDone(d: InvoiceDetail): void }) {
  const [reason, setReason] = useState('');
  const req = useRequest();
  return (
    <form
      className="subform"
      aria-label="Void the invoice"
      onSubmit={(e) => {
        e.preventDefault();
        void req
          .run(() => api('billing.void', { id, reason }))
          .then((r) => r.ok && onDone(r.value));
      }}
    >
      <h3>Void the invoice</h3>
      <TextField label="Reason for voiding" value={reason} onChange={setReason} />
      <ErrorAlert message={req.failure?.message ?? null} />
      <button type="submit" disabled={req.busy}>
        Void invoice
      </button>
    </form>
  );
}

function DailyClose({ session }: { session: SessionInfo }) {
  const canClose = holds(session.capabilities, 'billing.write');
  const preview = useLoaded('close-preview', () => api('billing.closePreview', {}));
  const closes = useLoaded('closes', () => api('billing.closes', {}));
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const req = useRequest();
  const fmt = money(session);
  const p = preview.value;
  const countedValue = countedCashOf(counted, session.tenant.currency);
  return (
    <>
      {canClose && (
        <form
          className="panel"
          aria-label="Close the day"
          onSubmit={(e) => {
            e.preventDefault();
            if (typeof countedValue === 'string') return setProblem(countedValue);
            setProblem(null);
            void req
              .run(() => api('billing.closeDay', { countedCash: countedValue, note }))
              .then((r) => {
                if (!r.ok) return;
                setCounted('');
                setNote('');
                preview.reload();
                closes.reload();
              });
          }}
        >
          <h2>Close the day</h2>
          <ErrorAlert message={preview.failure?.message ?? req.failure?.message ?? null} />
          {p && (
            <dl className="invoice-sums" aria-label="Expected takings">
              {methodOptions.map((m) => (
                <div key={m.value}>
                  <dt>Expected {m.label.toLowerCase()}</dt>
                  <dd>{fmt(p.expected[m.value])}</dd>
                </div>
              ))}
              <dt>Expected in total</dt>
              <dd>{fmt(p.expectedTotal)}</dd>
            </dl>
          )}
          <TextField
            label="Counted cash"
            inputMode="decimal"
            value={counted}
            error={problem ?? undefined}
            onChange={setCounted}
          />
          {p && typeof countedValue === 'number' && (
            <p>Difference: {fmt(countedValue - p.expected.cash)}</p>
          )}
          <TextField label="Note" value={note} onChange={setNote} />
          <p role="status" className="status-note">
            {req.succeeded ? 'The day is closed and sealed.' : ''}
          </p>
          <button type="submit" disabled={req.busy}>
            Close the day
          </button>
        </form>
      )}
      <section className="panel" aria-labelledby="closes-title">
        <h2 id="closes-title">Closes</h2>
        <DataTable
          className="data-table"
          caption="Closes"
          rows={closes.value ?? []}
          rowKey={(c) => c.id}
          columns={[
            { header: 'Close', rowHeader: true, cell: (c) => c.closeNumber },
            { header: 'Closed', cell: (c) => new Date(c.periodEnd).toLocaleString() },
            { header: 'Expected cash', cell: (c) => fmt(c.expectedCash) },
            { header: 'Counted cash', cell: (c) => fmt(c.countedCash) },
            { header: 'Difference', cell: (c) => fmt(c.difference) },
            { header: 'Payments', cell: (c) => c.paymentCount },
          ]}
        />
      </section>
    </>
  );
}
