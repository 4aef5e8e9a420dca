// The price-list form's pure part: typed text to the core's request.
import type { ApiRequest } from '../../../../shared/api/channels';

export interface PriceItemValues {
  id?: string | undefined;
  code: string;
  description: string;
  price: string;
  /** Percent as typed, e.g. "20" or "7.5"; empty for no tax. */
  tax: string;
  active: boolean;
}

/** The request, or what is wrong in words. */
export function priceItemRequest(
  v: PriceItemValues,
  parseMoney: (text: string) => number | null,
): ApiRequest<'billing.savePriceItem'> | string {
  const code = v.code.trim().toUpperCase();
  if (!/^[A-Z0-9-]{1,20}$/.test(code)) return 'Use 1 to 20 letters, digits or dashes for the code.';
  if (!v.description.trim()) return 'Describe the service.';
  const price = parseMoney(v.price);
  if (price === null) return 'Enter the price as an amount, such as 85.00.';
  let taxRateBp: number | null = null;
  if (v.tax.trim() !== '') {
    const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(v.tax.trim());
    const bp = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0') : NaN;
    if (!m || bp > 10_000) return 'Enter the tax rate as a percentage from 0 to 100.';
    taxRateBp = bp;
  }
  return {
    ...(v.id ? { id: v.id } : {}),
    code,
    description: v.description.trim(),
    price,
    taxRateBp,
    active: v.active,
  };
}

export const taxRateText = (bp: number | null): string =>
  bp === null || bp === 0 ? 'None' : `${(bp / 100).toString()} %`;
