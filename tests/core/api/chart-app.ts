// A clinic with one doctor, one front-desk user and one patient, driven
// through the real dispatch (both transports use it). Shared by the chart
// list, document and FHIR tests.
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import { openCoreApp, type CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { patientInput, weekdayAvailability } from '../fixtures';
import { HARBOUR_CLINIC, memorySettings, tempDir, testWrapper } from '../helpers';

export const ADMIN = { email: HARBOUR_CLINIC.adminEmail, password: HARBOUR_CLINIC.adminPassword };
export const DOCTOR = { email: 'doc@example.test', password: 'doctor-password-1' };
export const DESK = { email: 'desk@example.test', password: 'desk-password-1' };
export const CLOCK = Date.parse('2026-12-02T15:00:00.000Z');

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

export const count = (app: CoreApp, sql: string, ...params: string[]) =>
  (
    writableDb(app.workstation.requireStore())
      .prepare(sql)
      .get(...params) as { n: number }
  ).n;

/** A fresh clinic, logged in as the doctor; `close` removes it. */
export async function chartClinic(name = HARBOUR_CLINIC.clinicName) {
  const t = tempDir();
  const app = await openCoreApp({
    dataDir: t.dir,
    keyWrapper: testWrapper(),
    settings: memorySettings(),
    now: () => CLOCK,
  });
  await ok(app, 'setup.createClinic', { ...HARBOUR_CLINIC, clinicName: name });
  const doctor = await ok(app, 'doctors.create', {
    displayName: 'Dr Ines Okafor',
    specialty: 'General Practice',
    licenseNumber: 'L-77',
    consultationFee: 100,
    experienceYears: 9,
    availability: weekdayAvailability,
    ...DOCTOR,
  });
  await ok(app, 'users.create', { displayName: 'Fran Desk', role: 'front_desk', ...DESK });
  await ok(app, 'admin.updateClinicSettings', {
    address: '1 Harbour Road, Portsmouth',
    contactEmail: 'front@harbour.example',
  });
  await as(app, DESK);
  const patient = await ok(app, 'patients.create', patientInput({ dateOfBirth: '1975-12-03' }));
  // 14:30 in New York, the same local day as the clock (10:00).
  const appointment = await ok(app, 'appointments.book', {
    doctorId: doctor.doctor?.id ?? '',
    patientId: patient.id,
    scheduledAt: '2026-12-02T19:30:00.000Z',
    durationMinutes: 15,
    notes: 'Blood pressure review',
  });
  await as(app, DOCTOR);
  return {
    app,
    patient,
    appointment,
    close: () => {
      app.close();
      t.cleanup();
    },
  };
}
