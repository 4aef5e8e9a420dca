import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyBasisPoints,
  changeDue,
  formatMinor,
  invoiceTotals,
  lineTotals,
  parseMajor,
} from '../../../shared/billing';

describe('rounding, half-up to the minor unit', () => {
  it('rounds halves up and everything else to the nearest', () => {
    expect(applyBasisPoints(1, 5000)).toBe(1); // 0.5 -> 1
    expect(applyBasisPoints(3, 5000)).toBe(2); // 1.5 -> 2
    expect(applyBasisPoints(1, 4999)).toBe(0); // 0.4999 -> 0
    expect(applyBasisPoints(999, 2000)).toBe(200); // 199.8 -> 200
    expect(applyBasisPoints(1005, 1000)).toBe(101); // 100.5 -> 101
    expect(applyBasisPoints(0, 2000)).toBe(0);
  });
  it('stays exact for amounts beyond float precision', () => {
    expect(applyBasisPoints(9_007_199_254_740_991, 10_000)).toBe(9_007_199_254_740_991);
  });
  it('refuses negative or fractional inputs', () => {
    expect(() => applyBasisPoints(-1, 100)).toThrow(RangeError);
    expect(() => applyBasisPoints(1.5, 100)).toThrow(RangeError);
    expect(() => applyBasisPoints(1, 0.5)).toThrow(RangeError);
  });
});

describe('line totals', () => {
  it('applies a percent discount, then tax on the discounted amount, each rounded on the line', () => {
    // 3 x 33.33 = 99.99; 10 % off = 10.00 (9.999 rounded); net 89.99; tax 20 % = 18.00 (17.998)
    expect(
      lineTotals({
        quantity: 3,
        unitPrice: 3333,
        discount: { kind: 'percent', basisPoints: 1000, reason: 'staff' },
        taxRateBp: 2000,
      }),
    ).toEqual({ gross: 9999, discount: 1000, net: 8999, tax: 1800, total: 10799 });
  });
  it('takes an amount discount as given, never beyond the line', () => {
    expect(
      lineTotals({
        quantity: 1,
        unitPrice: 5000,
        discount: { kind: 'amount', amount: 1250, reason: 'x' },
      }),
    ).toEqual({ gross: 5000, discount: 1250, net: 3750, tax: 0, total: 3750 });
    expect(
      lineTotals({
        quantity: 1,
        unitPrice: 500,
        discount: { kind: 'amount', amount: 900, reason: 'x' },
      }).total,
    ).toBe(0);
  });
  it('sums lines into the invoice total (rounded per line, not on the sum)', () => {
    // Each line: 0.05 tax of 0.25 at 20 % = 0.05; three lines of 1 unit at 0.25 each.
    const line = { quantity: 1, unitPrice: 25, taxRateBp: 1000 }; // tax 2.5 -> 3 per line
    expect(invoiceTotals([line, line, line])).toEqual({
      gross: 75,
      discount: 0,
      tax: 9,
      total: 84,
    });
  });
  it('never produces a negative or fractional total (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (quantity, unitPrice, bp, taxRateBp) => {
          const t = lineTotals({
            quantity,
            unitPrice,
            discount: { kind: 'percent', basisPoints: bp, reason: 'r' },
            taxRateBp,
          });
          expect(Number.isSafeInteger(t.total)).toBe(true);
          expect(t.net).toBe(t.gross - t.discount);
          expect(t.total).toBe(t.net + t.tax);
          expect(t.discount).toBeLessThanOrEqual(t.gross);
          expect(t.total).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('amounts people type', () => {
  it('reads major units into minor units and refuses fractions of a minor unit', () => {
    expect(parseMajor('12.50')).toBe(1250);
    expect(parseMajor('12,5')).toBe(1250);
    expect(parseMajor('7')).toBe(700);
    expect(parseMajor('0.005')).toBeNull();
    expect(parseMajor('-3')).toBeNull();
    expect(parseMajor('abc')).toBeNull();
    expect(parseMajor('')).toBeNull();
  });
  it('formats minor units and the change due on cash', () => {
    expect(formatMinor(1250)).toBe('12.50');
    expect(formatMinor(-5)).toBe('-0.05');
    expect(changeDue(5000, 3250)).toBe(1750);
    expect(changeDue(3000, 3250)).toBe(0);
  });
});
