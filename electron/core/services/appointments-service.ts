// Booking appointments. A double booking of a doctor, or of one patient, is
// refused locally unless staff choose to overbook with a reason (audited).
import type { Appointment } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../store/clinic-store';
import { requireCap, type Session } from './session';

export interface NewAppointment {
  doctorId: string;
  patientId: string;
  scheduledAt: string;
  durationMinutes: number;
  notes?: string;
  overbookReason?: string | null;
}

const BLOCKING = "status NOT IN ('cancelled', 'no_show')";
/** Longest appointment the schema allows; bounds the overlap query window. */
const MAX_DURATION_MS = 480 * 60_000;

export class AppointmentsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  /** The first blocking appointment of the same doctor or patient that overlaps [start, end). */
  findClash(
    tenantId: string,
    a: { id?: string; doctorId: string; patientId: string; start: number; end: number },
  ) {
    const from = new Date(a.start - MAX_DURATION_MS).toISOString();
    const to = new Date(a.end).toISOString();
    const candidates = this.repos.appointments.list(tenantId, {
      where: `(doctorId = ? OR patientId = ?) AND scheduledAt > ? AND scheduledAt < ? AND ${BLOCKING}`,
      params: [a.doctorId, a.patientId, from, to],
    });
    return (
      candidates.find((c) => {
        if (c.id === a.id) return false;
        const s = Date.parse(c.scheduledAt);
        return s < a.end && s + c.durationMinutes * 60_000 > a.start;
      }) ?? null
    );
  }

  book(session: Session, n: NewAppointment): Appointment {
    requireCap(session, 'appointments.write');
    const tenantId = session.actor.tenantId;
    this.repos.doctors.get(tenantId, n.doctorId);
    this.repos.patients.get(tenantId, n.patientId);
    const start = Date.parse(n.scheduledAt);
    if (Number.isNaN(start))
      throw new AppError('VALIDATION_FAILED', 'The appointment time is not a valid date.');
    return this.store.transaction(() => {
      const clash = this.findClash(tenantId, {
        ...n,
        start,
        end: start + n.durationMinutes * 60_000,
      });
      if (clash && !n.overbookReason) {
        throw new AppError(
          'SLOT_TAKEN',
          clash.doctorId === n.doctorId
            ? 'The doctor already has an appointment at that time.'
            : 'The patient already has an appointment at that time.',
        );
      }
      const appt = this.repos.appointments.create(session.actor, {
        doctorId: n.doctorId,
        patientId: n.patientId,
        scheduledAt: new Date(start).toISOString(),
        durationMinutes: n.durationMinutes,
        status: 'scheduled',
        notes: n.notes ?? '',
        cancelReason: null,
        overbookReason: clash ? (n.overbookReason ?? null) : null,
      });
      if (clash)
        this.store.audit(
          session.actor,
          'overbook',
          'appointments',
          appt.id,
          `overlaps ${clash.id}`,
        );
      return appt;
    });
  }

  listRange(session: Session, fromIso: string, toIso: string, doctorId?: string): Appointment[] {
    requireCap(session, 'appointments.read');
    return this.repos.appointments.list(session.actor.tenantId, {
      where: `scheduledAt >= ? AND scheduledAt < ?${doctorId ? ' AND doctorId = ?' : ''}`,
      params: [fromIso, toIso, ...(doctorId ? [doctorId] : [])],
      orderBy: 'scheduledAt',
    });
  }
}
