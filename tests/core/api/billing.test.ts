// Billing through the same dispatch both transports use, per role: invoices
// from visits, issue, payments with change, refunds and voids (admin-granted
// billing.refund), the daily close, balances and statements; every kind of bad
// input gets a clear error and changes nothing.
import { describe, expect, it } from 'vitest';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import {
  ADMIN,
  as,
  clinic,
  clock,
  DESK,
  DOCTOR,
  errorOf,
  ok,
  PLAIN_ADMIN,
  snapshot,
} from './billing-app';

describe('invoices from visits', () => {
  it('drafts from a checked-in visit with the doctor’s fee, edits, issues and locks', async () => {
    const { app, appointmentId, doctorId } = await clinic();
    const draft = await ok(app, 'billing.createFromAppointment', { appointmentId });
    expect(draft.state.status).toBe('draft');
    expect(draft.invoice.invoiceNumber).toBeNull();
    expect(draft.invoice.doctorId).toBe(doctorId);
    expect(draft.doctorName).toBe('Dr Greg House');
    expect(draft.lines).toMatchObject([{ quantity: 1, unitPrice: 12000, amount: 12000 }]);
    expect(draft.clinic).toMatchObject({
      address: '1 Harbour Road, Portsmouth',
      contactEmail: 'billing@harbour.example',
    });
    // A second invoice for the same visit is refused.
    expect(await errorOf(app, 'billing.createFromAppointment', { appointmentId })).toMatchObject({
      code: 'CONFLICT',
    });

    const edited = await ok(app, 'billing.updateDraft', {
      id: draft.invoice.id,
      lines: [
        { description: 'Consultation', quantity: 1, unitPrice: 12000 },
        {
          description: 'Dressing',
          quantity: 3,
          unitPrice: 333,
          taxRateBp: 2000,
          discount: { kind: 'percent', basisPoints: 1000, reason: 'Loyal patient' },
        },
      ],
    });
    // 3 x 3.33 = 9.99, 10 % off = 1.00, net 8.99, 20 % tax = 1.80 -> 10.79
    expect(edited.lines[1]).toMatchObject({ discountAmount: 100, taxAmount: 180, amount: 1079 });
    expect(edited.invoice.amount).toBe(13079);

    const issued = await ok(app, 'billing.issue', { id: draft.invoice.id });
    expect(issued.state.status).toBe('issued');
    expect(issued.invoice.invoiceNumber).toMatch(/^INV-[A-Z0-9]{4}-000001$/);
    expect(issued.state.balance).toBe(13079);
    const before = snapshot(app);
    expect(
      await errorOf(app, 'billing.updateDraft', {
        id: draft.invoice.id,
        lines: [{ description: 'Cheaper', quantity: 1, unitPrice: 1 }],
      }),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/cannot be edited/),
    });
    expect(await errorOf(app, 'billing.deleteDraft', { id: draft.invoice.id })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(snapshot(app)).toEqual(before);
  });

  it('refuses a visit that has not started, and deletes a draft', async () => {
    const { app, doctorId, patientId } = await clinic();
    const later = await ok(app, 'appointments.book', {
      doctorId,
      patientId,
      scheduledAt: '2026-12-03T15:00:00.000Z',
      durationMinutes: 15,
    });
    expect(
      await errorOf(app, 'billing.createFromAppointment', { appointmentId: later.id }),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/checked-in or completed/),
    });
    const draft = await ok(app, 'billing.create', {
      patientId,
      lines: [{ description: 'Certificate', quantity: 1, unitPrice: 2500 }],
    });
    await ok(app, 'billing.deleteDraft', { id: draft.invoice.id });
    expect(await errorOf(app, 'billing.get', { id: draft.invoice.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('payments, refunds, voids', () => {
  it('takes cash with change, then card for the rest; an admin with billing.refund refunds part', async () => {
    const { app, appointmentId, patientId } = await clinic();
    const d = await ok(app, 'billing.createFromAppointment', { appointmentId });
    const id = d.invoice.id;
    await ok(app, 'billing.issue', { id });
    const cash = await ok(app, 'billing.pay', {
      billingId: id,
      amount: 5000,
      method: 'cash',
      tendered: 6000,
    });
    expect(cash.payments[0]).toMatchObject({
      amount: 5000,
      tenderedAmount: 6000,
      changeGiven: 1000,
    });
    expect(cash.state).toMatchObject({ status: 'partially_paid', balance: 7000 });
    const before = snapshot(app);
    expect(
      await errorOf(app, 'billing.pay', { billingId: id, amount: 7001, method: 'card' }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/more than the balance/),
    });
    expect(snapshot(app)).toEqual(before);
    const paid = await ok(app, 'billing.pay', {
      billingId: id,
      amount: 7000,
      method: 'card',
      reference: 'AUTH-1',
    });
    expect(paid.state).toMatchObject({ status: 'paid', balance: 0, paid: 12000 });

    // The front desk may not refund or void.
    expect(
      await errorOf(app, 'billing.refund', {
        billingId: id,
        amount: 1,
        method: 'card',
        reason: 'x',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    // Nor may an admin without the permission.
    await as(app, PLAIN_ADMIN);
    expect(
      await errorOf(app, 'billing.refund', {
        billingId: id,
        amount: 1,
        method: 'card',
        reason: 'x',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await as(app, ADMIN);
    const r = await ok(app, 'billing.refund', {
      billingId: id,
      amount: 2000,
      method: 'card',
      reason: 'Charged twice for dressing',
    });
    expect(r.state).toMatchObject({
      status: 'partially_refunded',
      refunded: 2000,
      net: 10000,
      balance: 0,
    });
    const audit = writableDb(app.workstation.requireStore())
      .prepare(
        "SELECT count(*) AS n FROM audit_logs WHERE tableAffected = 'refunds' AND action = 'create'",
      )
      .get() as { n: number };
    expect(audit.n).toBe(1);

    // The patient's statement runs to the same balance the patient details show.
    const st = await ok(app, 'billing.statement', { patientId });
    expect(st.entries.map((e) => [e.kind, e.amount, e.balance])).toEqual([
      ['invoice', 12000, 12000],
      ['payment', 5000, 7000],
      ['payment', 7000, 0],
      ['refund', 2000, 0],
    ]);
    expect((await ok(app, 'billing.patientBalance', { patientId })).balance).toBe(0);
  });

  it('voids only while nothing is paid, with a reason', async () => {
    const { app, patientId } = await clinic();
    const d = await ok(app, 'billing.create', {
      patientId,
      lines: [{ description: 'Certificate', quantity: 1, unitPrice: 2500 }],
      issue: true,
    });
    await ok(app, 'billing.pay', { billingId: d.invoice.id, amount: 1000, method: 'cash' });
    await as(app, ADMIN);
    expect(
      await errorOf(app, 'billing.void', { id: d.invoice.id, reason: 'Wrong patient' }),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringMatching(/refund the payments/),
    });
    expect(await errorOf(app, 'billing.void', { id: d.invoice.id, reason: '' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await ok(app, 'billing.refund', {
      billingId: d.invoice.id,
      amount: 1000,
      method: 'cash',
      reason: 'Wrong patient',
    });
    const v = await ok(app, 'billing.void', { id: d.invoice.id, reason: 'Wrong patient' });
    expect(v.state.status).toBe('void');
    expect(v.invoice.voidReason).toBe('Wrong patient');
    await as(app, DESK);
    expect(
      await errorOf(app, 'billing.pay', { billingId: d.invoice.id, amount: 100, method: 'cash' }),
    ).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringMatching(/void/) });
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  it('refuses each case of the issue’s list', async () => {
    const { app, patientId, appointmentId } = await clinic();
    const draft = await ok(app, 'billing.createFromAppointment', { appointmentId });
    const line = { description: 'Item', quantity: 1, unitPrice: 100 };
    const cases: [string, unknown, RegExp][] = [
      ['billing.create', { patientId, lines: [{ ...line, quantity: 0 }] }, /at least 1/],
      ['billing.create', { patientId, lines: [{ ...line, quantity: -2 }] }, /at least 1/],
      [
        'billing.create',
        { patientId, lines: [{ ...line, unitPrice: 10.5 }] },
        /fractions of a cent/,
      ],
      [
        'billing.create',
        {
          patientId,
          lines: [{ ...line, discount: { kind: 'percent', basisPoints: 10_001, reason: 'x' } }],
        },
        /more than 100 %/,
      ],
      ['billing.pay', { billingId: draft.invoice.id, amount: 100, method: 'cash' }, /draft/],
      ['billing.closeDay', { countedCash: 'lots' }, /as a number/],
      [
        'billing.create',
        { patientId: crypto.randomUUID(), lines: [line] },
        /not a patient of this clinic/,
      ],
    ];
    for (const [channel, request, message] of cases) {
      const before = snapshot(app);
      const err = await errorOf(app, channel, request);
      expect(`${err.message} ${err.issues.map((i) => i.message).join(' ')}`, channel).toMatch(
        message,
      );
      expect(snapshot(app), channel).toEqual(before);
    }
    // A refund above what was paid, and an edit of an issued invoice (as an admin who may refund).
    const issued = await ok(app, 'billing.issue', { id: draft.invoice.id });
    await ok(app, 'billing.pay', { billingId: issued.invoice.id, amount: 500, method: 'cash' });
    await as(app, ADMIN);
    const before = snapshot(app);
    expect(
      await errorOf(app, 'billing.refund', {
        billingId: issued.invoice.id,
        amount: 501,
        method: 'cash',
        reason: 'x',
      }),
    ).toMatchObject({ message: expect.stringMatching(/more than was paid/) });
    expect(
      await errorOf(app, 'billing.updateDraft', { id: issued.invoice.id, lines: [line] }),
    ).toMatchObject({ message: expect.stringMatching(/issued invoice cannot be edited/) });
    expect(snapshot(app)).toEqual(before);
  });

  it('refuses a patient of another clinic', async () => {
    const a = await clinic();
    const b = await clinic();
    // Same channel, another store: the other clinic's patient id is not found here.
    expect(
      await errorOf(a.app, 'billing.create', {
        patientId: b.patientId,
        lines: [{ description: 'x', quantity: 1, unitPrice: 1 }],
      }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/not a patient of this clinic/),
    });
  });
});

describe('roles', () => {
  it('doctors are refused every billing channel', async () => {
    const { app, patientId } = await clinic();
    await as(app, DOCTOR);
    for (const [channel, request] of [
      ['billing.list', {}],
      ['billing.priceList', {}],
      ['billing.patientBalance', { patientId }],
      ['billing.create', { patientId, lines: [{ description: 'x', quantity: 1, unitPrice: 1 }] }],
      ['billing.closeDay', { countedCash: 0 }],
    ] as const)
      expect(await errorOf(app, channel, request), channel).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('only admins with settings.manage edit the price list; editing a price never changes an issued invoice', async () => {
    const { app, patientId } = await clinic();
    expect(
      await errorOf(app, 'billing.savePriceItem', {
        code: 'XRAY',
        description: 'X-ray',
        price: 4000,
        taxRateBp: null,
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await as(app, ADMIN);
    const item = await ok(app, 'billing.savePriceItem', {
      code: 'XRAY',
      description: 'X-ray',
      price: 4000,
      taxRateBp: 1000,
    });
    expect(
      await errorOf(app, 'billing.savePriceItem', {
        code: 'XRAY',
        description: 'Other',
        price: 1,
        taxRateBp: null,
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    await as(app, DESK);
    const inv = await ok(app, 'billing.create', {
      patientId,
      lines: [{ serviceCode: 'XRAY', description: 'X-ray', quantity: 1, unitPrice: 4000 }],
      issue: true,
    });
    expect(inv.invoice.amount).toBe(4400);
    await as(app, ADMIN);
    await ok(app, 'billing.savePriceItem', {
      id: item.id,
      code: item.code,
      description: item.description,
      price: 9000,
      taxRateBp: item.taxRateBp,
    });
    const again = await ok(app, 'billing.get', { id: inv.invoice.id });
    expect(again.invoice.amount).toBe(4400);
    expect(again.lines[0]?.unitPrice).toBe(4000);
  });
});

describe('the list and the daily close', () => {
  it('filters by status, doctor, patient, method and date with totals, keyset-paged', async () => {
    const { app, patientId, doctorId } = await clinic();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.at += 1_000;
      const d = await ok(app, 'billing.create', {
        patientId,
        doctorId: i % 2 ? doctorId : null,
        lines: [{ description: `Item ${i}`, quantity: 1, unitPrice: 1000 }],
        issue: i < 4,
      });
      ids.push(d.invoice.id);
    }
    await ok(app, 'billing.pay', { billingId: ids[0] ?? '', amount: 1000, method: 'card' });
    await ok(app, 'billing.pay', { billingId: ids[1] ?? '', amount: 400, method: 'cash' });
    const all = await ok(app, 'billing.list', { limit: 2 });
    expect(all.totals).toEqual({ count: 5, total: 5000, paid: 1400, refunded: 0, balance: 2600 });
    expect(all.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    const next = await ok(app, 'billing.list', { limit: 2, cursor: all.nextCursor ?? '' });
    expect(next.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const last = await ok(app, 'billing.list', { limit: 2, cursor: next.nextCursor ?? '' });
    expect(last.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(last.nextCursor).toBeNull();
    expect((await ok(app, 'billing.list', { status: 'paid' })).items.map((i) => i.id)).toEqual([
      ids[0],
    ]);
    expect((await ok(app, 'billing.list', { status: 'draft' })).items.map((i) => i.id)).toEqual([
      ids[4],
    ]);
    expect((await ok(app, 'billing.list', { method: 'cash' })).items.map((i) => i.id)).toEqual([
      ids[1],
    ]);
    expect((await ok(app, 'billing.list', { doctorId })).totals.count).toBe(2);
    expect((await ok(app, 'billing.list', { from: '2026-12-03' })).totals.count).toBe(0);
    expect(
      (await ok(app, 'billing.list', { from: '2026-12-02', to: '2026-12-02' })).totals.count,
    ).toBe(5);
    // The list's SQL status agrees with the invoice's own derived state.
    for (const item of (await ok(app, 'billing.list', {})).items)
      expect(item.state).toEqual((await ok(app, 'billing.get', { id: item.id })).state);
  });

  it('closes the day per workstation and user: expected by method since the last close, the difference, sealed and numbered', async () => {
    const { app, patientId } = await clinic();
    const d = await ok(app, 'billing.create', {
      patientId,
      lines: [{ description: 'Visit', quantity: 1, unitPrice: 10000 }],
      issue: true,
    });
    await ok(app, 'billing.pay', {
      billingId: d.invoice.id,
      amount: 3000,
      method: 'cash',
      tendered: 5000,
    });
    await ok(app, 'billing.pay', { billingId: d.invoice.id, amount: 2000, method: 'card' });
    clock.at += 60_000;
    const preview = await ok(app, 'billing.closePreview', {});
    expect(preview.expected).toEqual({ cash: 3000, card: 2000, insurance: 0, bank_transfer: 0 });
    const close = await ok(app, 'billing.closeDay', { countedCash: 2950, note: 'coin short' });
    expect(close).toMatchObject({
      expectedCash: 3000,
      countedCash: 2950,
      difference: -50,
      paymentCount: 2,
    });
    expect(close.closeNumber).toMatch(/^CLOSE-[A-Z0-9]{4}-000001$/);
    clock.at += 60_000;
    await ok(app, 'billing.pay', { billingId: d.invoice.id, amount: 1000, method: 'cash' });
    clock.at += 60_000;
    const second = await ok(app, 'billing.closeDay', { countedCash: 1000 });
    expect(second).toMatchObject({
      expectedCash: 1000,
      difference: 0,
      periodStart: close.periodEnd,
    });
    expect(second.closeNumber).toMatch(/-000002$/);
    // The desk sees its own closes; an admin sees all.
    expect((await ok(app, 'billing.closes', {})).length).toBe(2);
    await as(app, ADMIN);
    expect((await ok(app, 'billing.closePreview', {})).paymentCount).toBe(0);
    expect((await ok(app, 'billing.closes', {})).length).toBe(2);
  });
});
