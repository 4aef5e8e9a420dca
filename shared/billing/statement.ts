// A patient's statement: every invoice, payment, refund, void and credit
// movement in date order with a running balance. Each entry's effect is the change it made to
// what the patient owes (an invoice's balance minus any excess it holds), so
// the last running balance is exactly the patient's balance.
import {
  accountShare,
  invoiceState,
  type CreditMovement,
  type InvoiceState,
  type MoneyMovement,
} from './status';

export interface StatementInvoice {
  id: string;
  invoiceNumber: string | null;
  total: number;
  issuedAt: string | null;
  voidedAt: string | null;
}
export interface StatementMovement extends MoneyMovement {
  billingId: string;
  at: string;
}
export interface StatementCredit extends CreditMovement {
  billingId: string;
  at: string;
}
export type StatementKind =
  'invoice' | 'payment' | 'refund' | 'void' | 'credit_kept' | 'credit_applied';
/** How each kind of entry is named on the screen and on the printed statement. */
export const statementKindLabel: Record<StatementKind, string> = {
  invoice: 'Invoice',
  payment: 'Payment',
  refund: 'Refund',
  void: 'Void',
  credit_kept: 'Kept as credit',
  credit_applied: 'Paid from credit',
};

export interface StatementLine {
  date: string;
  kind: StatementKind;
  billingId: string;
  invoiceNumber: string | null;
  amount: number;
  effect: number;
  balance: number;
}

/** What the patient owes on one invoice in this state (negative: a credit). */
export const owedOn = (s: InvoiceState): number => accountShare(s).owed;

export function statement(
  invoices: readonly StatementInvoice[],
  payments: readonly StatementMovement[],
  refunds: readonly StatementMovement[],
  credits: readonly StatementCredit[] = [],
): { entries: StatementLine[]; balance: number } {
  type Ev = {
    date: string;
    kind: StatementKind;
    inv: StatementInvoice;
    amount: number;
    seq: number;
  };
  const events: Ev[] = [];
  const order: Record<StatementKind, number> = {
    invoice: 0,
    payment: 1,
    credit_kept: 2,
    credit_applied: 3,
    refund: 4,
    void: 5,
  };
  const byId = new Map(invoices.map((i) => [i.id, i]));
  for (const inv of invoices) {
    if (inv.issuedAt === null) continue;
    events.push({ date: inv.issuedAt, kind: 'invoice', inv, amount: inv.total, seq: 0 });
    if (inv.voidedAt)
      events.push({ date: inv.voidedAt, kind: 'void', inv, amount: inv.total, seq: 0 });
  }
  const push = (
    kind: StatementKind,
    list: readonly { billingId: string; at: string; amount: number }[],
  ) =>
    list.forEach((m, seq) => {
      const inv = byId.get(m.billingId);
      if (inv && inv.issuedAt !== null)
        events.push({ date: m.at, kind, inv, amount: m.amount, seq });
    });
  push('payment', payments);
  push('refund', refunds);
  push(
    'credit_kept',
    credits.filter((c) => c.kind === 'kept'),
  );
  push(
    'credit_applied',
    credits.filter((c) => c.kind === 'applied'),
  );
  events.sort(
    (a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind] || a.seq - b.seq,
  );

  const seen = new Map<
    string,
    {
      p: MoneyMovement[];
      r: MoneyMovement[];
      c: CreditMovement[];
      voided: string | null;
      owed: number;
    }
  >();
  let running = 0;
  const entries: StatementLine[] = [];
  for (const e of events) {
    let st = seen.get(e.inv.id);
    if (!st) seen.set(e.inv.id, (st = { p: [], r: [], c: [], voided: null, owed: 0 }));
    if (e.kind === 'payment') st.p.push({ amount: e.amount, method: 'cash' });
    if (e.kind === 'refund') st.r.push({ amount: e.amount, method: 'cash' });
    if (e.kind === 'void') st.voided = e.date;
    if (e.kind === 'credit_kept') st.c.push({ kind: 'kept', amount: e.amount });
    if (e.kind === 'credit_applied') st.c.push({ kind: 'applied', amount: e.amount });
    const owed = owedOn(
      invoiceState(
        { total: e.inv.total, issuedAt: e.inv.issuedAt, voidedAt: st.voided },
        st.p,
        st.r,
        st.c,
      ),
    );
    const effect = owed - st.owed;
    st.owed = owed;
    running += effect;
    entries.push({
      date: e.date,
      kind: e.kind,
      billingId: e.inv.id,
      invoiceNumber: e.inv.invoiceNumber,
      amount: e.amount,
      effect,
      balance: running,
    });
  }
  return { entries, balance: running };
}
