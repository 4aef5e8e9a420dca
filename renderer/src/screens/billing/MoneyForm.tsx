// One form for money moving on an invoice: a payment (method, amount, cash
// tendered with the change due, or a reference; more than the balance only
// with its excess kept as the patient's credit) or a refund (method, amount,
// reason). The two differ only in their words, their fields and the check
// made before sending (billing-model.ts); the core checks again.
import { useState } from 'react';
import type { InvoiceDetail } from '../../../../shared/api/billing';
import type { SessionInfo } from '../../../../shared/api/session';
import type { PaymentMethod } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useRequest } from '../../lib/useRequest';
import { CheckboxField } from '../admin/CheckboxField';
import { formatMinorUnits } from '../admin/money';
import { draftPayment, draftRefund, methodOptions } from './billing-model';

export type MoneyKind = 'payment' | 'refund';

interface Copy {
  title: string;
  method: string;
  amount: string;
  submit: string;
}
const copy: Record<MoneyKind, Copy> = {
  payment: {
    title: 'Take a payment',
    method: 'Method',
    amount: 'Amount',
    submit: 'Record payment',
  },
  refund: { title: 'Refund', method: 'Refund method', amount: 'Refund amount', submit: 'Refund' },
};

interface Values {
  method: PaymentMethod;
  amount: string;
  tendered: string;
  reference: string;
  reason: string;
  asCredit: boolean;
}

interface Props {
  kind: MoneyKind;
  detail: InvoiceDetail;
  session: SessionInfo;
  onDone(d: InvoiceDetail): void;
}

/** The request as typed (or the field at fault), and the call that sends it. */
function drafted(kind: MoneyKind, detail: InvoiceDetail, v: Values, currency: string) {
  const id = detail.invoice.id;
  switch (kind) {
    case 'payment': {
      const d = draftPayment(id, v, detail.state.balance, currency);
      return d.ok ? { ...d, send: () => api('billing.pay', d.request) } : d;
    }
    case 'refund': {
      const d = draftRefund(id, v, detail.state.net, currency);
      return d.ok ? { ...d, send: () => api('billing.refund', d.request) } : d;
    }
  }
}

export function MoneyForm({ kind, detail, session, onDone }: Props) {
  const words = copy[kind];
  const initialMethod =
    kind === 'payment' ? detail.invoice.paymentMethod : (detail.payments[0]?.method ?? 'cash');
  const [v, setV] = useState<Values>({
    method: initialMethod,
    amount: '',
    tendered: '',
    reference: '',
    reason: '',
    asCredit: false,
  });
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [lastChange, setLastChange] = useState<number | null>(null);
  const req = useRequest();
  const currency = session.tenant.currency;
  const set = (patch: Partial<Values>) => setV({ ...v, ...patch });
  const preview = drafted(kind, detail, v, currency);
  const change = preview.ok ? preview.change : null;
  const isPayment = kind === 'payment';
  const cash = v.method === 'cash';
  const errorOf = (field: string) => (problem?.field === field ? problem.message : undefined);
  return (
    <form
      className="subform"
      aria-label={words.title}
      onSubmit={(e) => {
        e.preventDefault();
        const d = drafted(kind, detail, v, currency);
        if (!d.ok) return setProblem(d);
        setProblem(null);
        void req.run(d.send).then((r) => {
          if (!r.ok) return;
          setLastChange(d.change);
          setV({ ...v, amount: '', tendered: '', reference: '', reason: '', asCredit: false });
          onDone(r.value);
        });
      }}
    >
      <h3>{words.title}</h3>
      <SelectField
        label={words.method}
        value={v.method}
        options={methodOptions}
        onChange={(m) => set({ method: m as PaymentMethod })}
      />
      <TextField
        label={words.amount}
        inputMode="decimal"
        value={v.amount}
        hint={
          isPayment
            ? `Balance due ${formatMinorUnits(detail.state.balance, currency)}`
            : `At most ${formatMinorUnits(detail.state.net, currency)}`
        }
        error={errorOf('amount')}
        onChange={(amount) => set({ amount })}
      />
      {isPayment && cash && (
        <TextField
          label="Cash tendered"
          inputMode="decimal"
          value={v.tendered}
          error={errorOf('tendered')}
          onChange={(tendered) => set({ tendered })}
        />
      )}
      {isPayment && cash && change !== null && (
        <p className="change-due">Change due: {formatMinorUnits(change, currency)}</p>
      )}
      {isPayment && !cash && (
        <TextField
          label="Reference"
          value={v.reference}
          onChange={(reference) => set({ reference })}
        />
      )}
      {isPayment && (
        <CheckboxField
          label="Keep anything above the balance as the patient’s credit"
          checked={v.asCredit}
          onChange={(asCredit) => set({ asCredit })}
        />
      )}
      {!isPayment && (
        <TextField
          label="Reason for the refund"
          value={v.reason}
          error={errorOf('reason')}
          onChange={(reason) => set({ reason })}
        />
      )}
      <ErrorAlert message={req.failure?.message ?? null} />
      {isPayment && (
        <p role="status" className="status-note">
          {req.succeeded
            ? `Payment recorded.${lastChange !== null ? ` Change given: ${formatMinorUnits(lastChange, currency)}.` : ''}`
            : ''}
        </p>
      )}
      <button type="submit" disabled={req.busy}>
        {words.submit}
      </button>
    </form>
  );
}
