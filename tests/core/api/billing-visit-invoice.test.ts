// One invoice per visit, however it is made: from the visit's "Create
// invoice" or by hand with the visit picked (billing.create with an
// appointmentId used to skip the check and bill the patient twice). The visit
// says which invoice it has (billing.forAppointment), so its screen opens that
// one instead of offering to create another; a voided invoice frees the visit.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import { openCoreApp, type CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { HARBOUR_CLINIC, memorySettings, tempDir, testWrapper } from '../helpers';
import { patientInput, weekdayAvailability } from '../fixtures';

const DESK = { email: 'desk@example.test', password: 'desk-password-1' };
const DOCTOR = { email: 'doc@example.test', password: 'doctor-password-1' };
const ADMIN = { email: HARBOUR_CLINIC.adminEmail, password: HARBOUR_CLINIC.adminPassword };

const open: { app: CoreApp; cleanup: () => void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.app.close();
    o.cleanup();
  }
});

async function ok<N extends ChannelName>(
  app: CoreApp,
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const res = await app.dispatch(channel, request);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as ApiResponse<N>;
}

const errorOf = async (app: CoreApp, channel: string, request: unknown) => {
  const res = await app.dispatch(channel, request);
  if (res.ok) throw new Error(`${channel} was expected to fail`);
  return res.error;
};

const as = async (app: CoreApp, who: { email: string; password: string }) => {
  await app.dispatch('session.logout', {});
  await ok(app, 'session.login', who);
};

const billingRows = (app: CoreApp) => {
  const db = writableDb(app.workstation.requireStore());
  return ['billing', 'invoice_line_items', 'sync_outbox'].map(
    (t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
  );
};

/** A clinic with a doctor and a front desk, and a visit checked in today (2 Dec 2026, New York). */
async function clinicWithVisit() {
  const t = tempDir();
  const app = await openCoreApp({
    dataDir: t.dir,
    keyWrapper: testWrapper(),
    settings: memorySettings(),
    now: () => Date.parse('2026-12-02T20:00:00.000Z'),
  });
  open.push({ app, cleanup: t.cleanup });
  await app.dispatch('setup.createClinic', HARBOUR_CLINIC);
  await ok(app, 'users.create', { displayName: 'Fran Desk', role: 'front_desk', ...DESK });
  const doc = await ok(app, 'doctors.create', {
    displayName: 'Dr Greg House',
    ...DOCTOR,
    specialty: 'Diagnostics',
    licenseNumber: 'GMC-100',
    consultationFee: 12000,
    experienceYears: 20,
    availability: weekdayAvailability,
  });
  await as(app, DESK);
  const patient = await ok(app, 'patients.create', patientInput());
  const appt = await ok(app, 'appointments.book', {
    doctorId: doc.doctor?.id ?? '',
    patientId: patient.id,
    scheduledAt: '2026-12-02T19:30:00.000Z',
    durationMinutes: 15,
  });
  await ok(app, 'appointments.setStatus', { id: appt.id, status: 'checked_in' });
  return { app, patientId: patient.id, appointmentId: appt.id };
}

const byHand = (patientId: string, appointmentId: string) => ({
  patientId,
  appointmentId,
  lines: [{ description: 'Dressing', quantity: 1, unitPrice: 900 }],
});

describe('one invoice per visit', () => {
  it('refuses a second invoice made by hand for a visit that has one, writing nothing', async () => {
    const { app, patientId, appointmentId } = await clinicWithVisit();
    await ok(app, 'billing.createFromAppointment', { appointmentId });
    const before = billingRows(app);
    expect(await errorOf(app, 'billing.create', byHand(patientId, appointmentId))).toMatchObject({
      code: 'CONFLICT',
      message: 'This visit already has an invoice; open it instead of creating another.',
    });
    expect(billingRows(app)).toEqual(before);
  });

  it('refuses "Create invoice" on a visit already invoiced by hand', async () => {
    const { app, patientId, appointmentId } = await clinicWithVisit();
    await ok(app, 'billing.create', byHand(patientId, appointmentId));
    const before = billingRows(app);
    expect(await errorOf(app, 'billing.createFromAppointment', { appointmentId })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(billingRows(app)).toEqual(before);
  });

  it('names the visit’s invoice: none, then the draft, then its number once issued', async () => {
    const { app, appointmentId } = await clinicWithVisit();
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
    const { app, appointmentId } = await clinicWithVisit();
    const first = await ok(app, 'billing.createFromAppointment', { appointmentId });
    await ok(app, 'billing.issue', { id: first.invoice.id });
    await as(app, ADMIN);
    await ok(app, 'billing.void', { id: first.invoice.id, reason: 'wrong doctor' });
    expect(await ok(app, 'billing.forAppointment', { appointmentId })).toEqual({ invoice: null });
    const second = await ok(app, 'billing.createFromAppointment', { appointmentId });
    expect(second.invoice.id).not.toBe(first.invoice.id);
  });

  it('answers NOT_FOUND for an unknown visit, and FORBIDDEN to a doctor (no billing.read)', async () => {
    const { app, appointmentId } = await clinicWithVisit();
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
