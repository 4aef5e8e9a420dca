// Double bookings. After a sync merge two workstations may each have booked
// the same doctor (or patient) at the same time; per-column merge cannot
// prevent that, so every replica derives the conflict list from the data with
// the same deterministic rules and staff resolve it with ordinary edits.
import { AppError } from '../errors';
import type { Appointment } from '../domain/appointment';
import type { AppointmentStatus } from '../domain/enums';
import { blocksTime, intervalOf, isBlockingStatus } from './blocking';

/** The appointment fields the overlap rules read. */
export type OwnedAppointment = Pick<
  Appointment,
  'id' | 'doctorId' | 'patientId' | 'scheduledAt' | 'durationMinutes' | 'status' | 'deletedAt'
>;

export type ClashKind = 'doctor' | 'patient';

export interface OverlapConflict {
  kind: ClashKind;
  /** The two appointment ids, in ascending order. */
  appointmentIds: [string, string];
  /** The doctor's id (kind 'doctor') or the patient's id (kind 'patient'). */
  ownerId: string;
}

// Plain code-unit comparison: locale-aware ordering could differ between replicas.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Timed {
  id: string;
  start: number;
  end: number;
}

function pairsIn(items: Timed[], kind: ClashKind, ownerId: string, out: OverlapConflict[]): void {
  items.sort((a, b) => a.start - b.start || cmp(a.id, b.id));
  let active: Timed[] = [];
  for (const cur of items) {
    // Back-to-back is fine: one ending exactly when the next starts is not a clash.
    active = active.filter((x) => x.end > cur.start);
    for (const other of active) {
      if (other.id === cur.id) continue;
      const ids: [string, string] =
        cmp(other.id, cur.id) < 0 ? [other.id, cur.id] : [cur.id, other.id];
      out.push({ kind, appointmentIds: ids, ownerId });
    }
    if (cur.end > cur.start) active.push(cur);
  }
}

function groupBy(
  items: readonly { a: OwnedAppointment; t: Timed }[],
  key: (a: OwnedAppointment) => string,
): Map<string, Timed[]> {
  const groups = new Map<string, Timed[]>();
  for (const { a, t } of items) {
    const k = key(a);
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  return groups;
}

/**
 * Every pair of time-holding appointments of one doctor, or of one patient,
 * whose [start, start + duration) intersect. The order is fixed (kind, owner,
 * then ids) so every replica derives the identical list from the same rows,
 * whatever order it received them in. Appointment ids are assumed unique.
 */
export function appointmentOverlaps(appointments: readonly OwnedAppointment[]): OverlapConflict[] {
  const live = appointments
    .filter(blocksTime)
    .map((a) => ({ a, t: { id: a.id, ...intervalOf(a) } }));
  const out: OverlapConflict[] = [];
  for (const [owner, items] of groupBy(live, (a) => a.doctorId))
    pairsIn(items, 'doctor', owner, out);
  for (const [owner, items] of groupBy(live, (a) => a.patientId))
    pairsIn(items, 'patient', owner, out);
  return out.sort(
    (x, y) =>
      cmp(x.kind, y.kind) ||
      cmp(x.ownerId, y.ownerId) ||
      cmp(x.appointmentIds[0], y.appointmentIds[0]) ||
      cmp(x.appointmentIds[1], y.appointmentIds[1]),
  );
}

/** A booking being made or moved. Its id, when given, is excluded from the check (moving onto itself). */
export interface BookingCandidate {
  id?: string;
  doctorId: string;
  patientId: string;
  scheduledAt: string;
  durationMinutes: number;
  /** Defaults to 'scheduled'; a candidate that holds no time clashes with nothing. */
  status?: AppointmentStatus;
}

export interface Clash<T extends OwnedAppointment = OwnedAppointment> {
  kind: ClashKind;
  appointment: T;
}

/**
 * An existing appointment the candidate would double-book, or null. Doctor
 * clashes come before patient clashes (including when one appointment is
 * both); within a kind, the earliest start wins, then the smallest id.
 */
export function findClash<T extends OwnedAppointment>(
  candidate: BookingCandidate,
  existing: readonly T[],
): Clash<T> | null {
  if (!isBlockingStatus(candidate.status ?? 'scheduled')) return null;
  const c = intervalOf(candidate);
  let best: { clash: Clash<T>; start: number } | null = null;
  for (const a of existing) {
    if (a.id === candidate.id || !blocksTime(a)) continue;
    const kind: ClashKind | null =
      a.doctorId === candidate.doctorId
        ? 'doctor'
        : a.patientId === candidate.patientId
          ? 'patient'
          : null;
    if (!kind) continue;
    const t = intervalOf(a);
    if (!(t.start < c.end && c.start < t.end)) continue;
    const better =
      !best ||
      (kind === 'doctor' && best.clash.kind === 'patient') ||
      (kind === best.clash.kind &&
        (t.start < best.start ||
          (t.start === best.start && cmp(a.id, best.clash.appointment.id) < 0)));
    if (better) best = { clash: { kind, appointment: a }, start: t.start };
  }
  return best ? best.clash : null;
}

/** Refuses a double booking with SLOT_TAKEN; the message names no patient. */
export function assertNoClash(
  candidate: BookingCandidate,
  existing: readonly OwnedAppointment[],
): void {
  const clash = findClash(candidate, existing);
  if (!clash) return;
  throw new AppError(
    'SLOT_TAKEN',
    clash.kind === 'doctor'
      ? 'The doctor already has an appointment that overlaps this time.'
      : 'The patient already has an appointment that overlaps this time.',
  );
}
