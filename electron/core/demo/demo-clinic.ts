// A realistic demo clinic: an admin, two receptionists, seven doctors with
// weekly hours, N patients, six weeks of appointments (three past, three to
// come), charted visits of every record type, staff messages, and invoices
// with payments. Deterministic (a seeded PRNG) and written entirely through
// the services, i.e. the one write path with its change log and audit chain.
import type { Availability } from '../../../shared/domain/availability';
import type { Role } from '../../../shared/domain/enums';
import { RecordType } from '../../../shared/domain/enums';
import { AppError } from '../../../shared/errors';
import { DAY_MS, localDateOf } from '../../../shared/scheduling';
import type { Services } from '../services/services';
import { setUpClinic } from '../services/clinic-setup';
import type { Session } from '../services/session';
import type { ClinicStore } from '../clinic/clinic-store';
import { demoRecordContent } from './demo-clinical';
import { sendDemoMessages } from './demo-messages';
import { demoPatient } from './demo-patients';
import { planAppointments } from './demo-schedule';
import { DEMO_ADMIN, DEMO_DOCTORS, DEMO_FRONT_DESK, DEMO_PASSWORD } from './demo-staff';
import { bookVisits, type DemoPatientRef } from './demo-visits';
import { addDemoBilling } from './demo-billing';
import { addDemoTwins, attachDemoLetter } from './demo-extras';
import { seededPrng, type Prng } from './prng';

export { DEMO_PASSWORD } from './demo-staff';

export interface DemoLogin {
  email: string;
  role: Role;
  password: string;
}

export const DEMO_TIME_ZONE = 'Europe/London';
export const MAX_DEMO_PATIENTS = 200_000;
const SEED = 20_261_127;
const PATIENT_BATCH = 1000;

export async function generateDemoClinic(
  store: ClinicStore,
  services: Services,
  opts: { patients: number; now?: () => number },
): Promise<{ tenantId: string; logins: DemoLogin[] }> {
  const count = opts.patients;
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEMO_PATIENTS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The demo needs between 1 and ${MAX_DEMO_PATIENTS} patients.`,
    );
  }
  const now = (opts.now ?? store.now)();
  const rng = seededPrng(SEED);
  const { tenantId, adminUserId } = await setUpClinic(store, services.repos, {
    clinicName: 'Demo Family Clinic',
    timeZone: DEMO_TIME_ZONE,
    currency: 'GBP',
    adminName: DEMO_ADMIN.displayName,
    adminEmail: DEMO_ADMIN.email,
    adminPassword: DEMO_PASSWORD,
    deviceName: 'Demo workstation',
  });
  // Marked first, so even a half-built demo is never mistaken for real data.
  store.meta.set('isDemo', '1');
  const admin = services.auth.sessionFor(adminUserId);

  const frontDesk: Session[] = [];
  for (const s of DEMO_FRONT_DESK) {
    const user = await services.users.createStaff(admin, {
      email: s.email,
      displayName: s.displayName,
      role: 'front_desk',
      password: DEMO_PASSWORD,
    });
    frontDesk.push(services.auth.sessionFor(user.id));
  }
  const doctors = [];
  for (const [i, d] of DEMO_DOCTORS.entries()) {
    const member = await services.users.createDoctor(admin, {
      email: d.email,
      displayName: d.displayName,
      password: DEMO_PASSWORD,
      specialty: d.specialty,
      licenseNumber: String(rng.int(2_000_000, 7_999_999)),
      consultationFee: d.consultationFee,
      experienceYears: d.experienceYears,
      availability: withTimeOff(d.availability, i, now),
    });
    const doctor = services.repos.doctors.get(tenantId, member.doctor?.id ?? '');
    // Each doctor charts as themselves, so records carry the right author.
    doctors.push({ ...doctor, session: services.auth.sessionFor(doctor.userId) });
  }

  const patients = registerPatients(store, services, frontDesk, rng, count, now);
  const [firstDoctor] = doctors;
  const [firstPatient] = patients;
  if (firstDoctor && firstPatient) {
    chartEveryType(services, firstDoctor.session, firstPatient.id, rng, now);
    attachDemoLetter(services, firstDoctor.session, firstPatient.id);
  }
  const [desk] = frontDesk;
  if (desk)
    addDemoTwins(
      services,
      desk,
      admin,
      patients.map((p) => p.id),
    );

  const plan = planAppointments(rng, doctors, count, DEMO_TIME_ZONE, now);
  bookVisits({ store, services, rng, frontDesk, doctors, patients }, plan);
  addDemoBilling(services, tenantId, admin, frontDesk);

  const staff = [admin, ...frontDesk, ...doctors.map((d) => d.session)];
  const aboutPatients = patients.slice(0, 500).map((p) => p.id);
  sendDemoMessages(
    store,
    services,
    rng,
    staff,
    aboutPatients,
    Math.max(24, Math.round(plan.length / 20)),
  );

  const logins = [DEMO_ADMIN, ...DEMO_FRONT_DESK, ...DEMO_DOCTORS].map(({ email, role }) => ({
    email,
    role,
    password: DEMO_PASSWORD,
  }));
  return { tenantId, logins };
}

/** Patients in transactions of a thousand: one commit per batch, not per patient. */
function registerPatients(
  store: ClinicStore,
  services: Services,
  frontDesk: readonly Session[],
  rng: Prng,
  count: number,
  now: number,
): DemoPatientRef[] {
  const today = new Date(now);
  const out: DemoPatientRef[] = [];
  for (let start = 0; start < count; start += PATIENT_BATCH) {
    store.transaction(() => {
      for (let i = start; i < Math.min(count, start + PATIENT_BATCH); i++) {
        const input = demoPatient(rng, today);
        const p = services.patients.create(rng.pick(frontDesk), input);
        out.push({ id: p.id, insured: input.insuranceProvider !== '' });
      }
    });
  }
  return out;
}

/** One record of every type for one patient, plus an amendment, so every screen has something to show. */
function chartEveryType(
  services: Services,
  doctor: Session,
  patientId: string,
  rng: Prng,
  now: number,
): void {
  const recordedAt = new Date(now - 7 * DAY_MS).toISOString();
  let note: string | null = null;
  for (const recordType of RecordType.options) {
    const r = services.records.create(
      doctor,
      { patientId, recordType, content: demoRecordContent(rng, recordType), recordedAt },
      { sign: true },
    );
    if (recordType === 'note') note = r.id;
  }
  services.records.create(
    doctor,
    {
      patientId,
      recordType: 'note',
      content: { text: 'Addendum: patient confirmed the dose by phone; no change to plan.' },
      amendsRecordId: note,
    },
    { sign: true },
  );
}

/** A day of leave for some doctors, so the calendar shows availability exceptions. */
function withTimeOff(availability: Availability, doctorIndex: number, now: number): Availability {
  if (doctorIndex % 3 !== 1) return availability;
  const date = localDateOf(now + (7 + doctorIndex) * DAY_MS, DEMO_TIME_ZONE);
  return { ...availability, exceptions: [{ kind: 'time_off', date, reason: 'Annual leave' }] };
}
