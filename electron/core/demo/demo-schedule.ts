// Six weeks of demo appointments (three behind `now`, three ahead), planned on
// each doctor's real free slots so no doctor is ever double-booked, and with
// each patient's own visits kept apart so no patient is either.
import type { Availability } from '../../../shared/domain/availability';
import type { AppointmentStatus } from '../../../shared/domain/enums';
import { DAY_MS, freeSlots, localDateOf } from '../../../shared/scheduling';
import { weighted, type Prng } from './prng';

export interface PlannedAppointment {
  doctorIndex: number;
  patientIndex: number;
  start: number;
  durationMinutes: number;
  /** The status it ends up in: past visits happened (or not), future ones are booked. */
  status: AppointmentStatus;
  notes: string;
}

const REASONS = [
  'Annual review',
  'Follow-up',
  'New concern',
  'Medication review',
  'Test results',
  'Repeat prescription',
  'Vaccination',
  'Referral discussion',
  'Blood pressure check',
  'Post-operative review',
] as const;

/** Share of each doctor's free slots the demo fills: busy, with gaps to book into. */
const FILL = 0.65;
/** Visits per patient over six weeks, so small demos are not implausibly busy. */
const VISITS_PER_PATIENT = 2;

export function planAppointments(
  rng: Prng,
  doctors: readonly { availability: Availability }[],
  patients: number,
  timeZone: string,
  now: number,
): PlannedAppointment[] {
  const fromDate = localDateOf(now - 21 * DAY_MS, timeZone);
  const toDate = localDateOf(now + 20 * DAY_MS, timeZone);
  const slots = doctors.flatMap((d, doctorIndex) =>
    freeSlots({ availability: d.availability, timeZone, fromDate, toDate, appointments: [] }).map(
      (s) => ({ doctorIndex, start: s.start, end: s.end }),
    ),
  );
  const wanted = Math.min(
    Math.round(slots.length * FILL),
    Math.max(patients * VISITS_PER_PATIENT, 40),
  );
  const share = wanted / Math.max(1, slots.length);
  const chosen = slots.filter(() => rng.chance(share)).sort((a, b) => a.start - b.start);

  const busy = new Map<number, { start: number; end: number }[]>();
  const plan: PlannedAppointment[] = [];
  for (const slot of chosen) {
    const patientIndex = pickFreePatient(rng, patients, busy, slot);
    if (patientIndex === null) continue;
    const past = slot.end <= now;
    const status: AppointmentStatus = past
      ? weighted(rng, [
          ['completed', 80],
          ['no_show', 8],
          ['cancelled', 12],
        ])
      : 'scheduled';
    plan.push({
      doctorIndex: slot.doctorIndex,
      patientIndex,
      start: slot.start,
      durationMinutes: Math.round((slot.end - slot.start) / 60_000),
      status,
      notes: rng.pick(REASONS),
    });
  }
  return plan;
}

function pickFreePatient(
  rng: Prng,
  patients: number,
  busy: Map<number, { start: number; end: number }[]>,
  slot: { start: number; end: number },
): number | null {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = rng.int(0, patients - 1);
    const taken = busy.get(candidate) ?? [];
    if (taken.some((t) => t.start < slot.end && slot.start < t.end)) continue;
    taken.push({ start: slot.start, end: slot.end });
    busy.set(candidate, taken);
    return candidate;
  }
  return null;
}
