// The daily close: expected takings by method (payments − refunds since the
// last close of this workstation and user), the counted cash and the
// difference. Pure, so the screen previews exactly what the core seals.
import { PaymentMethod } from '../domain/enums';

export type ByMethod = Record<PaymentMethod, number>;

export const zeroByMethod = (): ByMethod => ({ cash: 0, card: 0, insurance: 0, bank_transfer: 0 });

export interface CloseFigures {
  payments: ByMethod;
  refunds: ByMethod;
  expected: ByMethod;
  expectedTotal: number;
  countedCash: number;
  /** countedCash − expected cash: negative when the drawer is short. */
  difference: number;
}

export function closeFigures(
  payments: readonly { amount: number; method: PaymentMethod }[],
  refunds: readonly { amount: number; method: PaymentMethod }[],
  countedCash: number,
): CloseFigures {
  const p = zeroByMethod();
  const r = zeroByMethod();
  for (const x of payments) p[x.method] += x.amount;
  for (const x of refunds) r[x.method] += x.amount;
  const expected = zeroByMethod();
  for (const m of PaymentMethod.options) expected[m] = p[m] - r[m];
  const expectedTotal = PaymentMethod.options.reduce((s, m) => s + expected[m], 0);
  return {
    payments: p,
    refunds: r,
    expected,
    expectedTotal,
    countedCash,
    difference: countedCash - expected.cash,
  };
}
