// An overpayment at the desk: refused unless its excess is kept as the
// patient's credit; then the invoice is paid (no conflict), the excess is the
// invoice's credit, the patient's balance is negative by that much (in
// credit), the drawer expects everything handed over, and refunding the
// credit settles it. Money beyond the total that nobody kept as credit (two
// workstations paying offline) stays an overpayment conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWorld } from '../world';
import { patientInput } from '../fixtures';

let w: Awaited<ReturnType<typeof clinicWorld>>;
beforeAll(async () => {
  w = await clinicWorld();
});
afterAll(() => w.close());

describe('an overpayment kept as the patient’s credit', () => {
  it('is refused without the choice, and kept as credit with it', () => {
    const patientId = w.services.patients.create(w.desk, patientInput()).id;
    const inv = w.services.billing.createInvoice(w.desk, {
      patientId,
      lines: [{ description: 'Visit', quantity: 1, unitPrice: 12_000 }],
      issue: true,
    });
    const pay = { billingId: inv.id, amount: 15_000, method: 'cash' as const, tendered: 20_000 };
    expect(() => w.services.billing.recordPayment(w.desk, pay)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    const before = w.services.billing.closePreview(w.desk).expected.cash;
    const p = w.services.billing.recordPayment(w.desk, { ...pay, excessAsCredit: true });
    expect(p).toMatchObject({ amount: 15_000, creditAmount: 3_000, changeGiven: 5_000 });
    const d = w.services.billing.detail(w.desk, inv.id);
    expect(d.state).toMatchObject({
      status: 'paid',
      balance: 0,
      overpaid: 3_000,
      credit: 3_000,
      conflict: null,
    });
    // The list (from the local summary) says the same.
    const listed = w.services.billing.list(w.desk, { patientId, limit: 10 }).items[0];
    expect(listed?.state).toEqual(d.state);
    expect(w.services.billing.patientBalance(w.desk, { patientId })).toMatchObject({
      balance: -3_000,
      openInvoices: 0,
    });
    expect(w.services.billing.statement(w.desk, { patientId }).balance).toBe(-3_000);
    // The drawer holds all 150.00 handed over for this payment.
    expect(w.services.billing.closePreview(w.desk).expected.cash - before).toBe(15_000);
    // Giving the credit back settles it.
    w.services.billing.recordRefund(w.admin, {
      billingId: inv.id,
      amount: 3_000,
      method: 'cash',
      reason: 'Credit returned',
    });
    expect(w.services.billing.patientBalance(w.desk, { patientId }).balance).toBe(0);
    expect(w.services.billing.detail(w.desk, inv.id).state).toMatchObject({
      overpaid: 0,
      credit: 0,
      conflict: null,
    });
  });

  it('never takes a payment on a draft or a void invoice, credit or not', () => {
    const draft = w.services.billing.createInvoice(w.desk, {
      patientId: w.patient.id,
      lines: [{ description: 'Visit', quantity: 1, unitPrice: 1_000 }],
    });
    expect(() =>
      w.services.billing.recordPayment(w.desk, {
        billingId: draft.id,
        amount: 2_000,
        method: 'card',
        excessAsCredit: true,
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });
});
