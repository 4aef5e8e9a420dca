// Money arithmetic of billing, defined once: integer minor units throughout,
// rates in basis points (1 % = 100 bp), and one rounding rule: half-up to the
// minor unit, applied per line (the discount, then the tax on the discounted
// amount). Shared by the core (which stores line totals) and the renderer
// (which previews them), so both always agree.

/** A discount on one line: a fixed amount, or a percentage in basis points (0..10 000). */
export type LineDiscount =
  | { kind: 'amount'; amount: number; reason: string }
  | { kind: 'percent'; basisPoints: number; reason: string };

export interface LineInput {
  quantity: number;
  /** Minor units per unit. */
  unitPrice: number;
  discount?: LineDiscount | null;
  /** Tax rate in basis points (20 % = 2000); 0 or absent for none. */
  taxRateBp?: number | null;
}

export interface LineTotals {
  /** quantity × unit price. */
  gross: number;
  discount: number;
  /** gross − discount. */
  net: number;
  tax: number;
  /** net + tax: what the line adds to the invoice. */
  total: number;
}

/** round(value × bp / 10 000), half-up, for non-negative integers (exact: BigInt, no float). */
export function applyBasisPoints(value: number, bp: number): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError('value must be a non-negative integer');
  if (!Number.isInteger(bp) || bp < 0)
    throw new RangeError('basis points must be a non-negative integer');
  const scaled = BigInt(value) * BigInt(bp);
  return Number((scaled + 5000n) / 10000n);
}

export function lineTotals(line: LineInput): LineTotals {
  const gross = line.quantity * line.unitPrice;
  const d = line.discount;
  let discount = 0;
  if (d) {
    switch (d.kind) {
      case 'amount':
        discount = d.amount;
        break;
      case 'percent':
        discount = applyBasisPoints(gross, d.basisPoints);
        break;
    }
  }
  discount = Math.min(discount, gross);
  const net = gross - discount;
  const tax = applyBasisPoints(net, line.taxRateBp ?? 0);
  return { gross, discount, net, tax, total: net + tax };
}

export interface InvoiceTotals {
  gross: number;
  discount: number;
  tax: number;
  total: number;
}

export function invoiceTotals(lines: readonly LineInput[]): InvoiceTotals {
  const out: InvoiceTotals = { gross: 0, discount: 0, tax: 0, total: 0 };
  for (const l of lines) {
    const t = lineTotals(l);
    out.gross += t.gross;
    out.discount += t.discount;
    out.tax += t.tax;
    out.total += t.total;
  }
  return out;
}

/** Change due on a cash payment: tendered − applied, never negative. */
export const changeDue = (tendered: number, amount: number): number =>
  Math.max(0, tendered - amount);

/**
 * Minor units from what a person typed in major units ("12.50" → 1250 with 2
 * decimals). Null for anything that is not a plain non-negative amount with at
 * most `decimals` fraction digits (fractions of a minor unit are refused, not rounded).
 */
export function parseMajor(text: string, decimals = 2): number | null {
  const t = text.trim();
  const m = /^(\d{1,12})(?:[.,](\d+))?$/.exec(t);
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > decimals) return null;
  const whole = Number(m[1]);
  const fracUnits = Number(frac.padEnd(decimals, '0') || '0');
  return whole * 10 ** decimals + fracUnits;
}

/** "1250" → "12.50" (no currency). Amounts shown to people go through shared/format's formatMoney. */
export function formatMinor(amount: number, decimals = 2): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (decimals === 0) return `${sign}${abs}`;
  const unit = 10 ** decimals;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(decimals, '0')}`;
}
