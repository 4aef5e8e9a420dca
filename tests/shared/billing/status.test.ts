import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountShare,
  closeFigures,
  invoiceState,
  paymentRefusal,
  refundRefusal,
  type MoneyMovement,
} from '../../../shared/billing';

const issued = (total: number) => ({ total, issuedAt: '2026-12-01T10:00:00.000Z', voidedAt: null });
const cash = (amount: number): MoneyMovement => ({ amount, method: 'cash' });

describe('derived invoice status', () => {
  it('follows the lifecycle and the money', () => {
    expect(invoiceState({ total: 100, issuedAt: null, voidedAt: null }, [], []).status).toBe(
      'draft',
    );
    expect(invoiceState(issued(100), [], []).status).toBe('issued');
    expect(invoiceState(issued(100), [cash(40)], []).status).toBe('partially_paid');
    expect(invoiceState(issued(100), [cash(40), cash(60)], []).status).toBe('paid');
    expect(invoiceState(issued(100), [cash(100)], [cash(30)]).status).toBe('partially_refunded');
    expect(invoiceState(issued(100), [cash(100)], [cash(100)]).status).toBe('refunded');
    expect(
      invoiceState({ ...issued(100), voidedAt: '2026-12-01T11:00:00.000Z' }, [], []).status,
    ).toBe('void');
  });
  it('makes an overpayment (two offline payments) visible, and a void that holds money', () => {
    const s = invoiceState(issued(100), [cash(70), cash(70)], []);
    expect(s).toMatchObject({ status: 'overpaid', overpaid: 40, balance: 0, conflict: 'overpaid' });
    const settled = invoiceState(issued(100), [cash(70), cash(70)], [cash(40)]);
    expect(settled).toMatchObject({ status: 'partially_refunded', overpaid: 0, conflict: null });
    const v = invoiceState(
      { ...issued(100), voidedAt: '2026-12-01T11:00:00.000Z' },
      [cash(30)],
      [],
    );
    expect(v).toMatchObject({ status: 'void', conflict: 'void_with_payments', overpaid: 30 });
  });
  it('refuses payments on a draft, a void or a settled invoice, and above the balance', () => {
    expect(
      paymentRefusal(invoiceState({ total: 100, issuedAt: null, voidedAt: null }, [], []), 10),
    ).toMatch(/draft/);
    expect(
      paymentRefusal(
        invoiceState({ ...issued(100), voidedAt: '2026-12-01T11:00:00.000Z' }, [], []),
        10,
      ),
    ).toMatch(/void/);
    expect(paymentRefusal(invoiceState(issued(100), [cash(100)], []), 1)).toMatch(/Nothing is due/);
    expect(paymentRefusal(invoiceState(issued(100), [cash(60)], []), 41)).toMatch(
      /more than the balance/,
    );
    expect(paymentRefusal(invoiceState(issued(100), [cash(60)], []), 40)).toBeNull();
  });
  it('refuses a refund above what was paid', () => {
    expect(refundRefusal(invoiceState(issued(100), [cash(60)], [cash(20)]), 41)).toMatch(
      /more than was paid/,
    );
    expect(refundRefusal(invoiceState(issued(100), [cash(60)], [cash(20)]), 40)).toBeNull();
  });
});

describe('total, payments − refunds and balance always agree (property)', () => {
  it('holds for any sequence of accepted payments and refunds', () => {
    const op = fc.record({
      kind: fc.constantFrom('pay' as const, 'refund' as const),
      amount: fc.integer({ min: 1, max: 50_000 }),
      method: fc.constantFrom(
        'cash' as const,
        'card' as const,
        'insurance' as const,
        'bank_transfer' as const,
      ),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(op, { maxLength: 30 }),
        (total, ops) => {
          const payments: MoneyMovement[] = [];
          const refunds: MoneyMovement[] = [];
          for (const o of ops) {
            const s = invoiceState(issued(total), payments, refunds);
            if (o.kind === 'pay' && paymentRefusal(s, o.amount) === null) payments.push(o);
            if (o.kind === 'refund' && refundRefusal(s, o.amount) === null) refunds.push(o);
          }
          const s = invoiceState(issued(total), payments, refunds);
          const paid = payments.reduce((n, p) => n + p.amount, 0);
          const refunded = refunds.reduce((n, r) => n + r.amount, 0);
          expect(s.paid).toBe(paid);
          expect(s.refunded).toBe(refunded);
          expect(s.net).toBe(paid - refunded);
          // Accepted operations never overpay and never refund beyond what was paid.
          expect(s.overpaid).toBe(0);
          expect(s.net).toBeGreaterThanOrEqual(0);
          // What is owed plus what was paid is the total.
          expect(s.balance + s.paid).toBe(total);
          // The close over the same movements expects exactly what the invoice holds.
          expect(closeFigures(payments, refunds, 0).expectedTotal).toBe(s.net);
        },
      ),
    );
  });
  it('holds for unconstrained movements too (as sync may merge them)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 50_000 })),
        fc.array(fc.integer({ min: 1, max: 50_000 })),
        (total, ps, rs) => {
          const s = invoiceState(issued(total), ps.map(cash), rs.map(cash));
          expect(s.balance - s.overpaid + s.paid).toBe(
            total + Math.max(0, s.paid - total) - s.overpaid,
          );
          expect(s.balance).toBe(Math.max(0, total - s.paid));
          expect(s.overpaid).toBe(Math.max(0, s.net - total));
          expect(s.conflict === 'overpaid').toBe(s.overpaid > 0);
        },
      ),
    );
  });
});

describe('the daily close', () => {
  it('expects payments minus refunds by method and counts the cash difference', () => {
    const f = closeFigures(
      [cash(5000), { amount: 3000, method: 'card' }, cash(2000)],
      [cash(500)],
      6400,
    );
    expect(f.expected).toEqual({ cash: 6500, card: 3000, insurance: 0, bank_transfer: 0 });
    expect(f.expectedTotal).toBe(9500);
    expect(f.difference).toBe(-100);
  });
});

describe('credit kept on purpose', () => {
  it('is not a conflict, and only the part beyond it is', () => {
    const inv = { total: 100, issuedAt: '2026-01-01T00:00:00Z', voidedAt: null };
    const kept = invoiceState(inv, [{ amount: 130, method: 'cash', creditAmount: 30 }], []);
    expect(kept).toMatchObject({ status: 'paid', overpaid: 30, credit: 30, conflict: null });
    const more = invoiceState(
      inv,
      [
        { amount: 130, method: 'cash', creditAmount: 30 },
        { amount: 20, method: 'card' },
      ],
      [],
    );
    expect(more).toMatchObject({
      status: 'overpaid',
      overpaid: 50,
      credit: 30,
      conflict: 'overpaid',
    });
  });
});

describe('patient credit', () => {
  const inv = { total: 100, issuedAt: '2026-01-01T00:00:00Z', voidedAt: null };

  it('pays an invoice without being a payment, and keeping an excess twice makes no more credit', () => {
    const spent = invoiceState(inv, [cash(40)], [], [{ kind: 'applied', amount: 60 }]);
    expect(spent).toMatchObject({ status: 'paid', paid: 40, fromCredit: 60, balance: 0 });
    const fromCreditOnly = invoiceState(inv, [], [], [{ kind: 'applied', amount: 30 }]);
    expect(fromCreditOnly).toMatchObject({ status: 'partially_paid', paid: 0, balance: 70 });
    // Two workstations each kept the same 40 excess: the credit is the excess, once.
    const kept = invoiceState(
      inv,
      [cash(70), cash(70)],
      [],
      [
        { kind: 'kept', amount: 40 },
        { kind: 'kept', amount: 40 },
      ],
    );
    expect(kept).toMatchObject({ status: 'paid', overpaid: 40, credit: 40, conflict: null });
    // What a void invoice holds can be kept as credit too, which settles it.
    const voided = { ...inv, voidedAt: '2026-01-02T00:00:00Z' };
    expect(invoiceState(voided, [cash(50)], []).conflict).toBe('void_with_payments');
    expect(invoiceState(voided, [cash(50)], [], [{ kind: 'kept', amount: 50 }])).toMatchObject({
      status: 'void',
      credit: 50,
      conflict: null,
    });
  });

  it('moves between invoices without changing what the patient owes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (t1, excess, t2, want) => {
          // Invoice 1 paid with its excess kept as credit; part of it spends on invoice 2.
          const one = [{ amount: t1 + excess, method: 'cash' as const, creditAmount: excess }];
          const first = invoiceState(issued(t1), one, []);
          const before = [first, invoiceState(issued(t2), [], [])];
          const apply = Math.min(want, excess, t2);
          const credits = apply > 0 ? [{ kind: 'applied' as const, amount: apply }] : [];
          const after = [first, invoiceState(issued(t2), [], [], credits)];
          const sum = (xs: typeof before, k: 'owed' | 'credit') =>
            xs.reduce((n, s) => n + accountShare(s)[k], 0);
          expect(sum(after, 'owed')).toBe(sum(before, 'owed'));
          expect(sum(before, 'credit')).toBe(excess);
          expect(sum(after, 'credit')).toBe(excess - apply);
          expect(after[1]?.balance).toBe(t2 - apply);
        },
      ),
    );
  });
});
