import { describe, expect, it } from 'vitest';
import {
  countedCashOf,
  draftDiscount,
  draftPayment,
  draftRefund,
  listRequest,
  noFilters,
} from '../../../../renderer/src/screens/billing/billing-model';

const ID = '0192f7a0-0000-7000-8000-000000000001';

describe('the payment form', () => {
  it('takes cash with the amount tendered and shows the change due', () => {
    const d = draftPayment(
      ID,
      { method: 'cash', amount: '50', tendered: '60.00', reference: '' },
      12000,
      'USD',
    );
    expect(d).toEqual({
      ok: true,
      request: { billingId: ID, amount: 5000, method: 'cash', tendered: 6000 },
      change: 1000,
    });
  });
  it('refuses more than the balance, fractions of a cent and too little cash', () => {
    expect(
      draftPayment(
        ID,
        { method: 'card', amount: '120.01', tendered: '', reference: '' },
        12000,
        'USD',
      ),
    ).toMatchObject({
      ok: false,
      field: 'amount',
    });
    expect(
      draftPayment(
        ID,
        { method: 'card', amount: '1.005', tendered: '', reference: '' },
        12000,
        'USD',
      ),
    ).toMatchObject({
      ok: false,
      field: 'amount',
    });
    expect(
      draftPayment(
        ID,
        { method: 'cash', amount: '50', tendered: '40', reference: '' },
        12000,
        'USD',
      ),
    ).toMatchObject({
      ok: false,
      field: 'tendered',
    });
  });
  it('ignores tendered cash for a card and keeps the reference', () => {
    expect(
      draftPayment(
        ID,
        { method: 'card', amount: '70', tendered: '100', reference: ' AUTH-1 ' },
        7000,
        'USD',
      ),
    ).toEqual({
      ok: true,
      request: { billingId: ID, amount: 7000, method: 'card', reference: 'AUTH-1' },
      change: null,
    });
  });
  it('uses the currency’s own decimals (JPY has none)', () => {
    expect(
      draftPayment(ID, { method: 'card', amount: '500', tendered: '', reference: '' }, 1000, 'JPY'),
    ).toMatchObject({
      ok: true,
      request: { amount: 500 },
    });
  });
});

describe('the refund form and the close', () => {
  it('refuses a refund above what was paid or without a reason', () => {
    expect(
      draftRefund(ID, { method: 'card', amount: '20', reason: 'Overcharged' }, 12000, 'USD'),
    ).toMatchObject({
      ok: true,
      request: { amount: 2000, reason: 'Overcharged' },
    });
    expect(
      draftRefund(ID, { method: 'card', amount: '200', reason: 'x' }, 12000, 'USD'),
    ).toMatchObject({ ok: false, field: 'amount' });
    expect(
      draftRefund(ID, { method: 'card', amount: '2', reason: '  ' }, 12000, 'USD'),
    ).toMatchObject({ ok: false, field: 'reason' });
  });
  it('reads the counted cash or says what is wrong', () => {
    expect(countedCashOf('149.50', 'USD')).toBe(14950);
    expect(countedCashOf('lots', 'USD')).toMatch(/as a number/);
  });
  it('sends only the filters that are set', () => {
    expect(listRequest(noFilters)).toEqual({ limit: 50 });
    expect(listRequest({ ...noFilters, status: 'paid', from: '2026-12-01' }, 'c')).toEqual({
      limit: 50,
      status: 'paid',
      from: '2026-12-01',
      cursor: 'c',
    });
  });
});

describe('the price-list form', () => {
  it('turns typed text into the request, tax as basis points', async () => {
    const { priceItemRequest } =
      await import('../../../../renderer/src/screens/admin/price-list-model');
    const money = (t: string) => (/^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : null);
    expect(
      priceItemRequest(
        { code: 'xray', description: 'X-ray', price: '40', tax: '7.5', active: true },
        money,
      ),
    ).toEqual({ code: 'XRAY', description: 'X-ray', price: 4000, taxRateBp: 750, active: true });
    expect(
      priceItemRequest(
        { code: 'A', description: 'B', price: '1', tax: '101', active: true },
        money,
      ),
    ).toMatch(/0 to 100/);
    expect(
      priceItemRequest({ code: 'A B', description: 'B', price: '1', tax: '', active: true }, money),
    ).toMatch(/letters, digits or dashes/);
  });
});

describe('the discount of a draft line', () => {
  it('reads an amount or a percentage in basis points, with its reason', () => {
    expect(draftDiscount({ kind: '', value: '', reason: '' }, 'USD')).toEqual({
      ok: true,
      discount: null,
    });
    expect(draftDiscount({ kind: 'amount', value: '5.50', reason: ' Staff ' }, 'USD')).toEqual({
      ok: true,
      discount: { kind: 'amount', amount: 550, reason: 'Staff' },
    });
    expect(draftDiscount({ kind: 'percent', value: '12.5', reason: 'Loyalty' }, 'USD')).toEqual({
      ok: true,
      discount: { kind: 'percent', basisPoints: 1250, reason: 'Loyalty' },
    });
  });
  it('refuses a missing reason, a non-number and more than 100 %', () => {
    expect(draftDiscount({ kind: 'amount', value: '5', reason: '' }, 'USD')).toMatchObject({
      ok: false,
      field: 'discountReason',
    });
    expect(draftDiscount({ kind: 'amount', value: 'five', reason: 'x' }, 'USD')).toMatchObject({
      ok: false,
      field: 'discountValue',
    });
    expect(draftDiscount({ kind: 'percent', value: '100.01', reason: 'x' }, 'USD')).toMatchObject({
      ok: false,
      message: 'A discount cannot be more than 100 %.',
    });
  });
  it('sends the chosen patient as a filter', () => {
    expect(listRequest({ ...noFilters, patientId: ID })).toEqual({ limit: 50, patientId: ID });
  });
});

describe('a payment above the balance', () => {
  it('is refused unless the excess is kept as credit, and then says so', () => {
    const v = { method: 'card' as const, amount: '150', tendered: '', reference: '' };
    expect(draftPayment(ID, v, 12000, 'USD')).toMatchObject({ ok: false, field: 'amount' });
    expect(draftPayment(ID, { ...v, asCredit: true }, 12000, 'USD')).toEqual({
      ok: true,
      request: { billingId: ID, amount: 15000, method: 'card', excessAsCredit: true },
      change: null,
    });
    // Within the balance the choice changes nothing.
    expect(draftPayment(ID, { ...v, amount: '20', asCredit: true }, 12000, 'USD')).toEqual({
      ok: true,
      request: { billingId: ID, amount: 2000, method: 'card' },
      change: null,
    });
  });
});
