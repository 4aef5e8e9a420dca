// Money (integer minor units) in the clinic's currency, with that currency's
// own number of decimals (JPY 0, GBP 2, KWD 3). Digits are grouped by commas
// and the decimal mark is a point whatever the browser says. Screens show the
// symbol ('£1,234.50'); printed documents show the code ('1,234.50 GBP'), which
// the PDFs' standard fonts can always draw.
import type { ClinicLocale } from '../domain/clinic-locale';

export type MoneyDisplay = 'symbol' | 'code';

const digitsCache = new Map<string, number>();
const symbolCache = new Map<string, string>();

/** Decimals of a currency (ISO 4217), 2 when the runtime does not know it. */
export function currencyDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    try {
      d =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(currency, d);
  }
  return d;
}

function symbolOf(currency: string): string {
  let s = symbolCache.get(currency);
  if (s === undefined) {
    try {
      s =
        new Intl.NumberFormat('en', {
          style: 'currency',
          currency,
          currencyDisplay: 'narrowSymbol',
        })
          .formatToParts(0)
          .find((p) => p.type === 'currency')?.value ?? currency;
    } catch {
      s = currency;
    }
    symbolCache.set(currency, s);
  }
  return s;
}

const grouped = (whole: string): string => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 123450 GBP → '£1,234.50' (symbol) or '1,234.50 GBP' (code); negatives lead with '-'. */
export function formatMoney(
  minor: number,
  locale: Pick<ClinicLocale, 'currency'>,
  display: MoneyDisplay = 'symbol',
): string {
  const digits = currencyDigits(locale.currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(minor));
  const unit = 10 ** digits;
  const whole = grouped(String(Math.floor(abs / unit)));
  const number = digits === 0 ? whole : `${whole}.${String(abs % unit).padStart(digits, '0')}`;
  switch (display) {
    case 'symbol': {
      const symbol = symbolOf(locale.currency);
      // A symbol that is letters (CHF, kr) reads better with a space.
      const gap = /^[A-Za-z]+$/.test(symbol) ? ' ' : '';
      return `${sign}${symbol}${gap}${number}`;
    }
    case 'code':
      return `${sign}${number} ${locale.currency}`;
  }
}
