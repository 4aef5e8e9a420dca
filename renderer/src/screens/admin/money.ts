// Money typed in major units ("85.50") and stored as integer minor units
// (8550), using the currency's own number of decimals (JPY 0, USD 2, KWD 3).
// Parsed from the text, never through a float multiplication. Shown through
// shared/format, like every amount in the app and on documents.
import { currencyDigits, formatMoney } from '../../../../shared/format';

export const minorDigits = (currency: string): number => currencyDigits(currency);

/** "85.5" → 8550 (USD); null when the text is not an amount with at most the currency's decimals. */
export function parseMajorUnits(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const m = /^(\d{1,12})(?:[.,](\d*))?$/.exec(text.trim());
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** 8550 USD → '$85.50'. */
export const formatMinorUnits = (minor: number, currency: string): string =>
  formatMoney(minor, { currency });
