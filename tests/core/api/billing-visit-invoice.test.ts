// One invoice per visit, however it is made: from the visit's "Create
// invoice" or by hand with the visit picked (billing.create with an
// appointmentId used to skip the check and bill the patient twice). The visit
// says which invoice it has (billing.forAppointment), so its screen opens that
// one instead of offering to create another; a voided invoice frees the visit.
import { describe, expect, it } from 'vitest';
import { ADMIN, as, clinic, DOCTOR, errorOf, ok, snapshot } from './billing-app';

const byHand = (patientId: string, appointmentId: string) => ({
  patientId,
  appointmentId,
  lines: [{ description: 'Dressing', quantity: 1, unitPrice: 900 }],
});

describe('one invoice per visit', () => {
  it('refuses a second invoice made by hand for a visit that has one, writing nothing', async () => {
    const { app, patientId, appointmentId } = await clinic();
    await ok(app, 'billing.createFromAppointment', { appointmentId });
    const before = snapshot(app);
    expect(await errorOf(app, 'billing.create', byHand(patientId, appointmentId))).toMatchObject({
      code: 'CONFLICT',
      message: 'This visit already has an invoice; open it instead of creating another.',
    });
    expect(snapshot(app)).toEqual(before);
  });

  it('refuses "Create invoice" on a visit already invoiced by hand', async () => {
    const { app, patientId, appointmentId } = await clinic();
    await ok(app, 'billing.create', byHand(patientId, appointmentId));
    const before = snapshot(app);
    expect(await errorOf(app, 'billing.createFromAppointment', { appointmentId })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(snapshot(app)).toEqual(before);
  });

  it('names the visit’s invoice: none, then the draft, then its number once issued', async () => {
    const { app, appointmentId } = await clinic();
    expect(await ok(app, 'billing.forAppointment', { appointmentId })).toEqual({ invoice: null });
    const draft = await ok(app, 'billing.createFromAppointment', { appointmentId });
    expect(await ok(app, 'billing.forAppointment', { appointmentId })).toEqual({
      invoice: { id: draft.invoice.id, invoiceNumber: null },
    });
    const issued = await ok(app, 'billing.issue', { id: draft.invoice.id });
    expect(issued.invoice.invoiceNumber).toMatch(/^INV-/);
    expect(await ok(app, 'billing.forAppointment', { appointmentId })).toEqual({
      invoice: { id: draft.invoice.id, invoiceNumber: issued.invoice.invoiceNumber },
    });
  });

  it('frees the visit once its invoice is voided, so it can be billed again', async () => {
    const { app, appointmentId } = await clinic();
    const first = await ok(app, 'billing.createFromAppointment', { appointmentId });
    await ok(app, 'billing.issue', { id: first.invoice.id });
    await as(app, ADMIN);
    await ok(app, 'billing.void', { id: first.invoice.id, reason: 'wrong doctor' });
    expect(await ok(app, 'billing.forAppointment', { appointmentId })).toEqual({ invoice: null });
    const second = await ok(app, 'billing.createFromAppointment', { appointmentId });
    expect(second.invoice.id).not.toBe(first.invoice.id);
  });

  it('answers NOT_FOUND for an unknown visit, and FORBIDDEN to a doctor (no billing.read)', async () => {
    const { app, appointmentId } = await clinic();
    expect(
      await errorOf(app, 'billing.forAppointment', {
        appointmentId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(app, 'billing.forAppointment', { appointmentId: 'nope' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await as(app, DOCTOR);
    expect(await errorOf(app, 'billing.forAppointment', { appointmentId })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
