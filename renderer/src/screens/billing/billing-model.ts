// The Billing screen's pure parts: money typed in major units turned into the
// core's requests (a fraction of a cent is refused, not rounded), the change
// due on cash, the list's filters as a request, and status wording.
import type { ApiRequest } from '../../../../shared/api/channels';
import {
  changeDue,
  parseMajor,
  statusLabel,
  type DerivedStatus,
  type LineDiscount,
} from '../../../../shared/billing';
import { PaymentMethod } from '../../../../shared/domain/enums';
import { parseMajorUnits } from '../admin/money';

export const methodLabel: Record<PaymentMethod, string> = {
  cash: 'Cash',
  card: 'Card',
  insurance: 'Insurance',
  bank_transfer: 'Bank transfer',
};
export const methodOptions = PaymentMethod.options.map((m) => ({
  value: m,
  label: methodLabel[m],
}));

export const statusWords = (s: DerivedStatus): string => statusLabel[s];

export interface PaymentValues {
  method: PaymentMethod;
  amount: string;
  tendered: string;
  reference: string;
  /** Keep what is paid beyond the balance as the patient's credit. */
  asCredit?: boolean;
}

export type Drafted<R> =
  { ok: true; request: R; change: number | null } | { ok: false; field: string; message: string };

/** A payment as typed, checked against the balance due; cash shows the change due. */
export function draftPayment(
  billingId: string,
  v: PaymentValues,
  balance: number,
  currency: string,
): Drafted<ApiRequest<'billing.pay'>> {
  const amount = parseMajorUnits(v.amount, currency);
  if (amount === null || amount <= 0)
    return { ok: false, field: 'amount', message: 'Enter an amount such as 25.00.' };
  const excess = amount > balance;
  if (excess && !v.asCredit)
    return {
      ok: false,
      field: 'amount',
      message: 'That is more than the balance due. To keep the excess as credit, tick the box.',
    };
  let tendered: number | undefined;
  if (v.method === 'cash' && v.tendered.trim() !== '') {
    const t = parseMajorUnits(v.tendered, currency);
    if (t === null) return { ok: false, field: 'tendered', message: 'Enter the cash handed over.' };
    if (t < amount)
      return {
        ok: false,
        field: 'tendered',
        message: 'The cash handed over is less than the payment.',
      };
    tendered = t;
  }
  return {
    ok: true,
    request: {
      billingId,
      amount,
      method: v.method,
      ...(v.reference.trim() ? { reference: v.reference.trim() } : {}),
      ...(tendered !== undefined ? { tendered } : {}),
      ...(excess ? { excessAsCredit: true } : {}),
    },
    change: tendered !== undefined ? changeDue(tendered, amount) : null,
  };
}

export interface RefundValues {
  method: PaymentMethod;
  amount: string;
  reason: string;
}

export function draftRefund(
  billingId: string,
  v: RefundValues,
  refundable: number,
  currency: string,
): Drafted<ApiRequest<'billing.refund'>> {
  const amount = parseMajorUnits(v.amount, currency);
  if (amount === null || amount <= 0)
    return { ok: false, field: 'amount', message: 'Enter an amount such as 10.00.' };
  if (amount > refundable)
    return { ok: false, field: 'amount', message: 'That is more than was paid on this invoice.' };
  if (!v.reason.trim())
    return { ok: false, field: 'reason', message: 'Give the reason for the refund.' };
  return {
    ok: true,
    request: { billingId, amount, method: v.method, reason: v.reason.trim() },
    change: null,
  };
}

/** The counted cash of a close, or the reason it cannot be read. */
export function countedCashOf(text: string, currency: string): number | string {
  const n = parseMajorUnits(text, currency);
  return n === null ? 'Enter the counted cash as a number, such as 150.00.' : n;
}

export interface ListFilters {
  status: DerivedStatus | '';
  method: PaymentMethod | '';
  doctorId: string;
  patientId: string;
  from: string;
  to: string;
}
export const noFilters: ListFilters = {
  status: '',
  method: '',
  doctorId: '',
  patientId: '',
  from: '',
  to: '',
};

export function listRequest(f: ListFilters, cursor?: string): ApiRequest<'billing.list'> {
  return {
    limit: 50,
    ...(f.status ? { status: f.status } : {}),
    ...(f.method ? { method: f.method } : {}),
    ...(f.doctorId ? { doctorId: f.doctorId } : {}),
    ...(f.patientId ? { patientId: f.patientId } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export type DiscountKind = '' | 'amount' | 'percent';
export interface DiscountValues {
  kind: DiscountKind;
  /** Major units for an amount ("5.00"), a percentage for percent ("12.5"). */
  value: string;
  reason: string;
}
export const noDiscount: DiscountValues = { kind: '', value: '', reason: '' };

/** A line's discount as typed: none, the discount, or the field at fault. */
export function draftDiscount(
  d: DiscountValues,
  currency: string,
): { ok: true; discount: LineDiscount | null } | { ok: false; field: string; message: string } {
  if (d.kind === '') return { ok: true, discount: null };
  const reason = d.reason.trim();
  if (!reason)
    return { ok: false, field: 'discountReason', message: 'Give the reason for the discount.' };
  if (d.kind === 'amount') {
    const amount = parseMajorUnits(d.value, currency);
    if (amount === null)
      return { ok: false, field: 'discountValue', message: 'Enter an amount such as 5.00.' };
    return { ok: true, discount: { kind: 'amount', amount, reason } };
  }
  // Percent with at most two decimals: basis points (12.5 % = 1250).
  const bp = parseMajor(d.value, 2);
  if (bp === null)
    return { ok: false, field: 'discountValue', message: 'Enter a percentage such as 10.' };
  if (bp > 10_000)
    return { ok: false, field: 'discountValue', message: 'A discount cannot be more than 100 %.' };
  return { ok: true, discount: { kind: 'percent', basisPoints: bp, reason } };
}
