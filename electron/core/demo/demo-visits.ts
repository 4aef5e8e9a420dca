// Books the planned appointments as front-desk staff, walks past ones through
// their lifecycle, has each doctor chart the visits they saw, and bills them.
// Everything goes through the services (the one write path), in transactions
// of about a thousand visits so 100,000-patient demos stay quick.
import type { AppointmentStatus, PaymentMethod, RecordType } from '../../../shared/domain/enums';
import { assertNever } from '../../../shared/errors';
import { assertTransition } from '../../../shared/scheduling';
import type { Services } from '../services/services';
import type { Session } from '../services/session';
import type { ClinicStore } from '../clinic/clinic-store';
import { demoRecordContent } from './demo-clinical';
import type { PlannedAppointment } from './demo-schedule';
import { weighted, type Prng } from './prng';

export interface DemoPatientRef {
  id: string;
  insured: boolean;
}

export interface VisitContext {
  store: ClinicStore;
  services: Services;
  rng: Prng;
  frontDesk: readonly Session[];
  doctors: readonly { id: string; consultationFee: number; session: Session }[];
  patients: readonly DemoPatientRef[];
}

const BATCH = 1000;

/** The status changes from `scheduled` that end in `final`. */
function lifecycleTo(final: AppointmentStatus): AppointmentStatus[] {
  switch (final) {
    case 'scheduled':
      return [];
    case 'checked_in':
      return ['checked_in'];
    case 'in_progress':
      return ['checked_in', 'in_progress'];
    case 'completed':
      return ['checked_in', 'in_progress', 'completed'];
    case 'cancelled':
    case 'no_show':
      return [final];
    default:
      return assertNever(final);
  }
}
const EXTRAS = [
  ['Blood test', 3500],
  ['ECG', 4500],
  ['Dressing', 1500],
  ['Vaccination', 2500],
  ['Spirometry', 4000],
] as const;
const CLINICAL_EXTRAS: RecordType[] = [
  'diagnosis',
  'prescription',
  'lab_result',
  'allergy',
  'document',
];

export function bookVisits(ctx: VisitContext, plan: readonly PlannedAppointment[]): number {
  for (let i = 0; i < plan.length; i += BATCH) {
    ctx.store.transaction(() => {
      for (const visit of plan.slice(i, i + BATCH)) bookOne(ctx, visit);
    });
  }
  return plan.length;
}

function bookOne(ctx: VisitContext, visit: PlannedAppointment): void {
  const { services, rng } = ctx;
  const desk = rng.pick(ctx.frontDesk);
  const doctor = ctx.doctors[visit.doctorIndex];
  const patient = ctx.patients[visit.patientIndex];
  if (!doctor || !patient) return;
  const appt = services.appointments.book(desk, {
    doctorId: doctor.id,
    patientId: patient.id,
    scheduledAt: new Date(visit.start).toISOString(),
    durationMinutes: visit.durationMinutes,
    notes: visit.notes,
  });
  let from: AppointmentStatus = 'scheduled';
  for (const status of lifecycleTo(visit.status)) {
    // The demo follows the same lifecycle rules as the app's screens.
    assertTransition(from, status);
    services.repos.appointments.update(desk.actor, appt.id, {
      status,
      cancelReason:
        status === 'cancelled'
          ? rng.pick(['Patient called to cancel', 'Unwell', 'Clash with work'])
          : null,
    });
    from = status;
  }
  const endIso = new Date(visit.start + visit.durationMinutes * 60_000).toISOString();
  if (visit.status === 'completed') {
    chart(ctx, doctor.session, patient.id, endIso);
    bill(ctx, desk, patient, appt.id, [
      ['Consultation', doctor.consultationFee],
      ...maybeExtra(rng),
    ]);
  } else if (visit.status === 'no_show' && rng.chance(0.5)) {
    bill(ctx, desk, patient, appt.id, [['Missed appointment fee', 2500]], 'issue-only');
  }
}

/** A signed note for every visit, vitals for most, and sometimes one more record. */
function chart(ctx: VisitContext, doctor: Session, patientId: string, recordedAt: string): void {
  const types: RecordType[] = ['note'];
  if (ctx.rng.chance(0.6)) types.push('vitals');
  if (ctx.rng.chance(0.5)) types.push(ctx.rng.pick(CLINICAL_EXTRAS));
  for (const recordType of types) {
    ctx.services.records.create(
      doctor,
      { patientId, recordType, content: demoRecordContent(ctx.rng, recordType), recordedAt },
      { sign: ctx.rng.chance(0.9) },
    );
  }
}

const maybeExtra = (rng: Prng): (readonly [string, number])[] =>
  rng.chance(0.25) ? [rng.pick(EXTRAS)] : [];

function bill(
  ctx: VisitContext,
  desk: Session,
  patient: DemoPatientRef,
  appointmentId: string,
  lines: readonly (readonly [string, number])[],
  mode: 'settle' | 'issue-only' = 'settle',
): void {
  const { rng, services } = ctx;
  const method: PaymentMethod = patient.insured
    ? 'insurance'
    : rng.pick(['card', 'card', 'cash', 'bank_transfer']);
  const draft = mode === 'settle' && rng.chance(0.05);
  const invoice = services.billing.createInvoice(desk, {
    patientId: patient.id,
    appointmentId,
    paymentMethod: method,
    lines: lines.map(([description, unitPrice]) => ({ description, quantity: 1, unitPrice })),
    issue: !draft,
  });
  if (draft || mode === 'issue-only') return;
  const outcome = weighted(rng, [
    ['paid', 55],
    ['partial', 20],
    ['unpaid', 25],
  ] as const);
  if (outcome === 'unpaid') return;
  const amount = outcome === 'paid' ? invoice.amount : Math.max(1, Math.floor(invoice.amount / 2));
  services.billing.recordPayment(desk, {
    billingId: invoice.id,
    amount,
    method,
    reference: method === 'card' ? `AUTH-${rng.int(100000, 999999)}` : '',
  });
}
