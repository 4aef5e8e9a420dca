// Invoice lines as typed (price-list code or free text, quantity, discount,
// tax) turned into the rows the core stores, with the totals computed once by
// shared/billing/money.ts; and the totals of stored lines.
import type { InvoiceLineInput } from '../../../../shared/api/billing';
import { invoiceTotals, lineTotals, type LineDiscount } from '../../../../shared/billing';
import type { InvoiceLineItem } from '../../../../shared/domain/billing';
import { AppError } from '../../../../shared/errors';
import type { BillingReads } from './billing-reads';

export function lineRows(
  reads: BillingReads,
  tenantId: string,
  lines: readonly InvoiceLineInput[],
) {
  return lines.map((l, i) => {
    const discount: LineDiscount | null = l.discount ?? null;
    const gross = l.quantity * l.unitPrice;
    if (discount?.kind === 'amount' && discount.amount > gross)
      throw new AppError('VALIDATION_FAILED', 'A discount cannot be more than its line.', [
        { path: `lines.${i}.discount.amount`, message: 'The discount is more than the line.' },
      ]);
    let taxRateBp = l.taxRateBp;
    if (taxRateBp === undefined && l.serviceCode) {
      taxRateBp = reads.priceItemByCode(tenantId, l.serviceCode)?.taxRateBp ?? 0;
    }
    const t = lineTotals({ quantity: l.quantity, unitPrice: l.unitPrice, discount, taxRateBp });
    if (!Number.isSafeInteger(t.total))
      throw new AppError('VALIDATION_FAILED', 'That line is too large.');
    return {
      position: i,
      serviceCode: l.serviceCode ?? null,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountKind: discount?.kind ?? null,
      discountValue:
        discount === null
          ? null
          : discount.kind === 'amount'
            ? discount.amount
            : discount.basisPoints,
      discountReason: discount?.reason ?? null,
      discountAmount: t.discount,
      taxRateBp: taxRateBp ?? 0,
      taxAmount: t.tax,
      amount: t.total,
    } satisfies Partial<InvoiceLineItem>;
  });
}

/** Totals of one invoice's stored lines (used by documents and tests). */
export function totalsOf(lines: readonly InvoiceLineItem[]) {
  return invoiceTotals(
    lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount:
        l.discountKind === 'amount'
          ? { kind: 'amount', amount: l.discountValue ?? 0, reason: l.discountReason ?? '' }
          : l.discountKind === 'percent'
            ? {
                kind: 'percent',
                basisPoints: l.discountValue ?? 0,
                reason: l.discountReason ?? '',
              }
            : null,
      taxRateBp: l.taxRateBp,
    })),
  );
}
