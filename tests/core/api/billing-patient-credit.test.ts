// A patient's credit through the dispatch both transports use: change kept as
// credit at the desk, spent on the next visit's invoice ("Pay from credit"),
// shown on the patient's account and statement, never counted as money taken
// (the day close and the revenue report), and a payment from credit undone by
// an admin with billing.refund. Each refusal says why and writes nothing.
// (The receipts' credit lines: tests/core/documents/invoice-pdf.test.ts.)
import { describe, expect, it } from 'vitest';
import { ADMIN, as, clinic, DESK, errorOf, ok, PLAIN_ADMIN, snapshot } from './billing-app';

/** An issued invoice of one line for the clinic's patient. */
const issued = async (
  app: Awaited<ReturnType<typeof clinic>>['app'],
  patientId: string,
  price: number,
) =>
  ok(app, 'billing.create', {
    patientId,
    lines: [{ description: 'Visit', quantity: 1, unitPrice: price }],
    issue: true,
  });

/** 80.00 due paid with `handed`, the change kept as credit; then a 50.00 visit to pay. */
async function changeKept(handed: number) {
  const c = await clinic();
  const first = await issued(c.app, c.patientId, 8_000);
  await ok(c.app, 'billing.pay', {
    billingId: first.invoice.id,
    amount: handed,
    method: 'cash',
    excessAsCredit: true,
  });
  return { ...c, first, second: await issued(c.app, c.patientId, 5_000) };
}

describe('a patient’s credit', () => {
  it('is kept at the desk, spent on the next invoice, and shown on the account and statement', async () => {
    const { app, patientId, second } = await changeKept(10_000);
    // 100.00 handed over for 80.00: the 20.00 change is kept as credit.
    // Owed: the new visit's 50.00 less the 20.00 held as credit.
    expect(await ok(app, 'billing.patientBalance', { patientId })).toMatchObject({
      balance: 3_000,
      credit: 2_000,
    });
    const closeBefore = await ok(app, 'billing.closePreview', {});
    expect(second.patientCredit).toBe(2_000);
    const paid = await ok(app, 'billing.payFromCredit', {
      billingId: second.invoice.id,
      amount: 2_000,
    });
    expect(paid.state).toMatchObject({
      status: 'partially_paid',
      paid: 0,
      fromCredit: 2_000,
      balance: 3_000,
      conflict: null,
    });
    expect(paid.credits).toEqual([
      expect.objectContaining({ kind: 'applied', amount: 2_000, patientId }),
    ]);
    expect(paid.patientCredit).toBe(0);
    // The list (the local summary) says the same as the invoice.
    const listed = await ok(app, 'billing.list', { patientId, limit: 10 });
    expect(listed.items.find((i) => i.id === second.invoice.id)?.state).toEqual(paid.state);
    // Owed: 30.00 on the second invoice, no credit left; the statement ends on the same figure.
    expect(await ok(app, 'billing.patientBalance', { patientId })).toMatchObject({
      balance: 3_000,
      credit: 0,
      openInvoices: 1,
    });
    const st = await ok(app, 'billing.statement', { patientId });
    expect(st.balance).toBe(3_000);
    expect(st.entries.find((e) => e.kind === 'credit_applied')).toMatchObject({
      amount: 2_000,
      effect: 0,
    });
    // Paying from credit is not money taken: the drawer and the revenue report are unchanged.
    const closeAfter = await ok(app, 'billing.closePreview', {});
    expect(closeAfter.expected).toEqual(closeBefore.expected);
    await as(app, ADMIN);
    const today = '2026-12-02';
    const report = await ok(app, 'billing.report', { from: today, to: today });
    expect(report.totals.payments).toBe(10_000);
  });

  it('refuses what the credit or the invoice cannot bear, writing nothing', async () => {
    const { app, patientId, first, second } = await changeKept(9_000);
    const draft = await ok(app, 'billing.create', {
      patientId,
      lines: [{ description: 'Visit', quantity: 1, unitPrice: 500 }],
    });
    const before = snapshot(app);
    const cases: [string, unknown, string, RegExp][] = [
      [
        'billing.payFromCredit',
        { billingId: second.invoice.id, amount: 1_001 },
        'VALIDATION_FAILED',
        /more than the patient’s credit/,
      ],
      [
        'billing.payFromCredit',
        { billingId: first.invoice.id, amount: 100 },
        'VALIDATION_FAILED',
        /Nothing is due/,
      ],
      [
        'billing.payFromCredit',
        { billingId: draft.invoice.id, amount: 100 },
        'INVALID_TRANSITION',
        /draft/,
      ],
      [
        'billing.payFromCredit',
        { billingId: second.invoice.id, amount: 0 },
        'VALIDATION_FAILED',
        /more than zero/,
      ],
      [
        'billing.payFromCredit',
        { billingId: second.invoice.id, amount: 10.5 },
        'VALIDATION_FAILED',
        /whole minor units/,
      ],
      // The 10.00 excess is already credit (kept at the desk): nothing more to keep.
      [
        'billing.keepCredit',
        { billingId: first.invoice.id, amount: 100 },
        'VALIDATION_FAILED',
        /already credit/,
      ],
      [
        'billing.keepCredit',
        { billingId: draft.invoice.id, amount: 100 },
        'INVALID_TRANSITION',
        /draft/,
      ],
    ];
    for (const [channel, request, code, message] of cases) {
      const error = await errorOf(app, channel, request);
      expect({ channel, code: error.code }).toEqual({ channel, code });
      expect(JSON.stringify(error)).toMatch(message);
    }
    expect(snapshot(app)).toEqual(before);
  });

  it('is given back when a payment from credit is undone, which needs billing.refund', async () => {
    const { app, second } = await changeKept(10_000);
    const paid = await ok(app, 'billing.payFromCredit', {
      billingId: second.invoice.id,
      amount: 1_500,
    });
    const creditId = paid.credits[0]?.id ?? '';
    // An invoice paid from credit is not voided while it holds that credit.
    await as(app, ADMIN);
    const voided = await errorOf(app, 'billing.void', { id: second.invoice.id, reason: 'Wrong' });
    expect(voided.code).toBe('INVALID_TRANSITION');
    // The front desk and an admin without billing.refund may not undo it.
    for (const who of [DESK, PLAIN_ADMIN]) {
      await as(app, who);
      expect((await errorOf(app, 'billing.undoCreditPayment', { id: creditId })).code).toBe(
        'FORBIDDEN',
      );
    }
    await as(app, ADMIN);
    const undone = await ok(app, 'billing.undoCreditPayment', { id: creditId });
    expect(undone.state).toMatchObject({ status: 'issued', fromCredit: 0, balance: 5_000 });
    expect(undone.credits).toEqual([]);
    expect(undone.patientCredit).toBe(2_000);
    // Undone once is undone: the same id again is not found, and a kept credit is not a payment.
    expect((await errorOf(app, 'billing.undoCreditPayment', { id: creditId })).code).toBe(
      'NOT_FOUND',
    );
    // Now the invoice holds nothing and can be voided.
    const v = await ok(app, 'billing.void', { id: second.invoice.id, reason: 'Wrong patient' });
    expect(v.state.status).toBe('void');
  });
});
