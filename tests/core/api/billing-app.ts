// The clinic the billing API tests share: a doctor, a front desk, an admin
// without billing.refund and a visit checked in today, opened through the same
// dispatch both transports use, on a clock the tests move; with the helpers
// they call and the row counts a refused request must leave unchanged.
import { afterEach } from 'vitest';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import { openCoreApp, type CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { HARBOUR_CLINIC, memorySettings, tempDir, testWrapper } from '../helpers';
import { patientInput, weekdayAvailability } from '../fixtures';

export const ADMIN = { email: HARBOUR_CLINIC.adminEmail, password: HARBOUR_CLINIC.adminPassword };
export const DESK = { email: 'desk@example.test', password: 'desk-password-1' };
export const DOCTOR = { email: 'doc@example.test', password: 'doctor-password-1' };
export const PLAIN_ADMIN = { email: 'plain@example.test', password: 'plain-password-1' };

/** The clinics' clock (Wednesday 2 December 2026, 15:00 in New York at the start of each clinic). */
export const clock = { at: Date.parse('2026-12-02T20:00:00.000Z') };
const open: { app: CoreApp; cleanup: () => void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.app.close();
    o.cleanup();
  }
});

export async function ok<N extends ChannelName>(
  app: CoreApp,
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const res = await app.dispatch(channel, request);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as ApiResponse<N>;
}

export const errorOf = async (app: CoreApp, channel: string, request: unknown) => {
  const res = await app.dispatch(channel, request);
  if (res.ok) throw new Error(`${channel} was expected to fail`);
  return res.error;
};

export const as = async (app: CoreApp, who: { email: string; password: string }) => {
  await app.dispatch('session.logout', {});
  await ok(app, 'session.login', who);
};

/** Rows of the billing tables and the outbox: nothing may change on a refused request. */
export const snapshot = (app: CoreApp) => {
  const db = writableDb(app.workstation.requireStore());
  return [
    'billing',
    'invoice_line_items',
    'payments',
    'refunds',
    'patient_credits',
    'day_closes',
    'sync_outbox',
  ].map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
};

/** A clinic with a doctor, a front desk, an admin without billing.refund, and a visit checked in today. */
export async function clinic() {
  clock.at = Date.parse('2026-12-02T20:00:00.000Z');
  const t = tempDir();
  const app = await openCoreApp({
    dataDir: t.dir,
    keyWrapper: testWrapper(),
    settings: memorySettings(),
    now: () => clock.at,
  });
  open.push({ app, cleanup: t.cleanup });
  await app.dispatch('setup.createClinic', HARBOUR_CLINIC);
  await ok(app, 'users.create', { displayName: 'Fran Desk', role: 'front_desk', ...DESK });
  await ok(app, 'users.create', {
    displayName: 'Pat Plain',
    role: 'admin',
    permissions: ['users.manage'],
    ...PLAIN_ADMIN,
  });
  const doc = await ok(app, 'doctors.create', {
    displayName: 'Dr Greg House',
    ...DOCTOR,
    specialty: 'Diagnostics',
    licenseNumber: 'GMC-100',
    consultationFee: 12000,
    experienceYears: 20,
    availability: weekdayAvailability,
  });
  const doctorId = doc.doctor?.id ?? '';
  await ok(app, 'admin.updateClinicSettings', {
    address: '1 Harbour Road, Portsmouth',
    contactEmail: 'billing@harbour.example',
  });
  await as(app, DESK);
  const patient = await ok(app, 'patients.create', patientInput());
  const appt = await ok(app, 'appointments.book', {
    doctorId,
    patientId: patient.id,
    scheduledAt: '2026-12-02T19:30:00.000Z',
    durationMinutes: 15,
  });
  await ok(app, 'appointments.setStatus', { id: appt.id, status: 'checked_in' });
  return { app, doctorId, patientId: patient.id, appointmentId: appt.id };
}
