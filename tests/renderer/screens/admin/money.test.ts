// Money typed in major units and stored as integer minor units, with the
// currency's own number of decimals.
import { describe, expect, it } from 'vitest';
import {
  formatMinorUnits,
  minorDigits,
  parseMajorUnits,
} from '../../../../renderer/src/screens/admin/money';

describe('money', () => {
  it('knows each currency’s decimals', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('parses without float error, with a comma or a point', () => {
    expect(parseMajorUnits('0.29', 'EUR')).toBe(29);
    expect(parseMajorUnits('1,10', 'EUR')).toBe(110);
    expect(parseMajorUnits(' 12 ', 'EUR')).toBe(1200);
    expect(parseMajorUnits('999999999999.99', 'USD')).toBe(99_999_999_999_999);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', '-5', '1.234', '1e3', 'ten', '1.2.3']) {
      expect(parseMajorUnits(text, 'EUR')).toBeNull();
    }
  });

  it('shows minor units as the amount', () => {
    expect(formatMinorUnits(8550, 'EUR')).toMatch(/85[.,]50/);
    expect(formatMinorUnits(8500, 'JPY')).toMatch(/8[,.]?500/);
  });
});
