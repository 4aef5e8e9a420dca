// The status and balance of an invoice, derived from the invoice's lifecycle
// columns (issuedAt, voidedAt: each set once), its insert-only payments and
// refunds and the patient credit kept on it or applied to it. Never stored: every workstation computes the same status from
// the same merged rows, so sync has nothing to overwrite.
import type { PaymentMethod } from '../domain/enums';

export const derivedStatuses = [
  'draft',
  'issued',
  'partially_paid',
  'paid',
  'overpaid',
  'partially_refunded',
  'refunded',
  'void',
] as const;
export type DerivedStatus = (typeof derivedStatuses)[number];

export interface InvoiceFacts {
  total: number;
  issuedAt: string | null;
  voidedAt: string | null;
}
export interface MoneyMovement {
  amount: number;
  method: PaymentMethod;
  /** Payments only: the part kept on purpose as the patient's credit. */
  creditAmount?: number | null;
}

/** Patient credit on an invoice: excess kept as credit, or part of it paid from credit. */
export interface CreditMovement {
  kind: 'kept' | 'applied';
  amount: number;
}

export interface InvoiceState {
  status: DerivedStatus;
  total: number;
  /** Money taken in payments (credit applied is not a payment). */
  paid: number;
  /** Paid from the patient's credit. */
  fromCredit: number;
  refunded: number;
  /** paid + fromCredit − refunded: what the clinic holds for this invoice. */
  net: number;
  /**
   * What the patient still owes: total − paid − fromCredit, never below 0; 0 for a draft or
   * a void invoice. A refund is a correction (money given back, and that much
   * no longer charged), so it never makes the patient owe again.
   */
  balance: number;
  /** Money held beyond the total (net − total when positive), e.g. two offline payments. */
  overpaid: number;
  /**
   * The part of `overpaid` kept on purpose as the patient's credit (at the desk
   * or afterwards): not a conflict, and spendable on another invoice.
   */
  credit: number;
  /** Something needs a person: overpaid, or a void invoice still holding money. */
  conflict: 'overpaid' | 'void_with_payments' | null;
}

export function invoiceState(
  inv: InvoiceFacts,
  payments: readonly MoneyMovement[],
  refunds: readonly MoneyMovement[],
  credits: readonly CreditMovement[] = [],
): InvoiceState {
  const paid = payments.reduce((s, p) => s + p.amount, 0);
  const refunded = refunds.reduce((s, r) => s + r.amount, 0);
  let fromCredit = 0;
  let credited = payments.reduce((s, p) => s + (p.creditAmount ?? 0), 0);
  for (const c of credits) {
    if (c.kind === 'applied') fromCredit += c.amount;
    else credited += c.amount;
  }
  const net = paid + fromCredit - refunded;
  const total = inv.total;
  const base = { total, paid, fromCredit, refunded, net };
  if (inv.voidedAt !== null) {
    // Everything a void invoice holds is beyond its total; what was kept as credit is settled.
    const held = Math.max(0, net);
    const credit = Math.min(held, credited);
    return {
      ...base,
      status: 'void',
      balance: 0,
      overpaid: held,
      credit,
      conflict: held > credit ? 'void_with_payments' : null,
    };
  }
  if (inv.issuedAt === null)
    return { ...base, status: 'draft', balance: 0, overpaid: 0, credit: 0, conflict: null };
  const balance = Math.max(0, total - paid - fromCredit);
  const overpaid = Math.max(0, net - total);
  // Two workstations keeping the same excess offline cannot make more credit than the excess.
  const credit = Math.min(overpaid, credited);
  // Only money beyond the total that nobody kept as credit is a conflict.
  const unexplained = overpaid > credit;
  let status: DerivedStatus;
  if (unexplained) status = 'overpaid';
  else if (refunded > 0) status = net <= 0 ? 'refunded' : 'partially_refunded';
  else if (paid + fromCredit === 0) status = 'issued';
  else if (balance === 0) status = 'paid';
  else status = 'partially_paid';
  return { ...base, status, balance, overpaid, credit, conflict: unexplained ? 'overpaid' : null };
}

/**
 * The patient's side of an invoice in this state: what it adds to what they
 * owe (negative: money held for them) and to their spendable credit. Summed
 * over a patient's issued invoices these give the account's balance and
 * available credit; a negative available credit means two workstations spent
 * the same credit offline (a conflict).
 */
export function accountShare(s: InvoiceState): { owed: number; credit: number } {
  if (s.status === 'draft') return { owed: 0, credit: 0 };
  // Credit applied here was already counted as held on the invoice it came from.
  return { owed: s.balance - s.overpaid + s.fromCredit, credit: s.credit - s.fromCredit };
}

/**
 * Why a payment of `amount` is refused in this state, or null when it may be
 * taken. More than the balance is taken only when the excess is kept as the
 * patient's credit (`asCredit`).
 */
export function paymentRefusal(
  state: InvoiceState,
  amount: number,
  asCredit = false,
): string | null {
  switch (state.status) {
    case 'draft':
      return 'A draft invoice cannot take payments; issue it first.';
    case 'void':
      return 'A void invoice cannot take payments.';
    case 'overpaid':
    case 'paid':
    case 'refunded':
    case 'partially_refunded':
    case 'issued':
    case 'partially_paid':
      if (amount <= 0) return 'The payment must be more than zero.';
      if (asCredit) return null;
      if (state.balance === 0) return 'Nothing is due on this invoice.';
      if (amount > state.balance)
        return 'The payment is more than the balance due; take at most the balance, or keep the excess as the patient’s credit.';
      return null;
  }
}

/** Why a refund of `amount` is refused in this state, or null when it may be made. */
export function refundRefusal(state: InvoiceState, amount: number): string | null {
  if (state.status === 'draft') return 'A draft invoice has nothing to refund.';
  if (amount <= 0) return 'The refund must be more than zero.';
  if (amount > state.net) return 'The refund is more than was paid on this invoice.';
  return null;
}

export const statusLabel: Record<DerivedStatus, string> = {
  draft: 'Draft',
  issued: 'Issued',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  overpaid: 'Overpaid',
  partially_refunded: 'Partially refunded',
  refunded: 'Refunded',
  void: 'Void',
};
