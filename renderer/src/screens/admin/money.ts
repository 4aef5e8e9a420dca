// Money typed in major units ("85.50") and stored as integer minor units
// (8550), using the currency's own number of decimals (JPY 0, USD 2, KWD 3).
// Parsed from the text, never through a float multiplication.

export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** "85.5" → 8550 (USD); null when the text is not an amount with at most the currency's decimals. */
export function parseMajorUnits(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const m = /^(\d{1,12})(?:[.,](\d*))?$/.exec(text.trim());
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(m[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

export function formatMinorUnits(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(
    minor / 10 ** digits,
  );
}
