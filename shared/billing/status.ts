// The status and balance of an invoice, derived from the invoice's lifecycle
// columns (issuedAt, voidedAt: each set once) and its insert-only payments
// and refunds. Never stored: every workstation computes the same status from
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

export interface InvoiceState {
  status: DerivedStatus;
  total: number;
  paid: number;
  refunded: number;
  /** paid − refunded: what the clinic holds for this invoice. */
  net: number;
  /**
   * What the patient still owes: total − paid, never below 0; 0 for a draft or
   * a void invoice. A refund is a correction (money given back, and that much
   * no longer charged), so it never makes the patient owe again.
   */
  balance: number;
  /** Money held beyond the total (net − total when positive), e.g. two offline payments. */
  overpaid: number;
  /** The part of `overpaid` taken on purpose as the patient's credit (not a conflict). */
  credit: number;
  /** Something needs a person: overpaid, or a void invoice still holding money. */
  conflict: 'overpaid' | 'void_with_payments' | null;
}

export function invoiceState(
  inv: InvoiceFacts,
  payments: readonly MoneyMovement[],
  refunds: readonly MoneyMovement[],
): InvoiceState {
  const paid = payments.reduce((s, p) => s + p.amount, 0);
  const refunded = refunds.reduce((s, r) => s + r.amount, 0);
  const credited = payments.reduce((s, p) => s + (p.creditAmount ?? 0), 0);
  const net = paid - refunded;
  const total = inv.total;
  const base = { total, paid, refunded, net };
  if (inv.voidedAt !== null) {
    const held = Math.max(0, net);
    return {
      ...base,
      status: 'void',
      balance: 0,
      overpaid: held,
      credit: 0,
      conflict: held > 0 ? 'void_with_payments' : null,
    };
  }
  if (inv.issuedAt === null)
    return { ...base, status: 'draft', balance: 0, overpaid: 0, credit: 0, conflict: null };
  const balance = Math.max(0, total - paid);
  const overpaid = Math.max(0, net - total);
  const credit = Math.min(overpaid, credited);
  // Only money beyond the total that nobody kept as credit is a conflict.
  const unexplained = overpaid > credit;
  let status: DerivedStatus;
  if (unexplained) status = 'overpaid';
  else if (refunded > 0) status = net <= 0 ? 'refunded' : 'partially_refunded';
  else if (paid === 0) status = 'issued';
  else if (balance === 0) status = 'paid';
  else status = 'partially_paid';
  return { ...base, status, balance, overpaid, credit, conflict: unexplained ? 'overpaid' : null };
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
