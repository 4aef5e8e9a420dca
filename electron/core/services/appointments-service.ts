// Booking and moving appointments, and their status changes. Double-booking a
// doctor, or one patient, is refused locally with a clear message unless staff
// choose to overbook with a reason, which is audited. Status changes follow the
// allowed transitions (shared/scheduling/transitions.ts).
import type { ApiRequest } from '../../../shared/api/channels';
import type { AppointmentView } from '../../../shared/api/scheduling';
import type { Appointment } from '../../../shared/domain/appointment';
import { AppError } from '../../../shared/errors';
import {
  assertTransition,
  checkInRefusal,
  findClash,
  localDateOf,
  type BookingCandidate,
} from '../../../shared/scheduling';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import { appointmentView } from './appointment-views';
import { requireCap, type Session } from './session';

/** Longest appointment the schema allows; bounds the overlap query window. */
const MAX_DURATION_MS = 480 * 60_000;

export class AppointmentsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  private nearby(tenantId: string, c: BookingCandidate): Appointment[] {
    const start = Date.parse(c.scheduledAt);
    return this.repos.appointments.list(tenantId, {
      where:
        "(doctorId = ? OR patientId = ?) AND scheduledAt > ? AND scheduledAt < ? AND status NOT IN ('cancelled','no_show')",
      params: [
        c.doctorId,
        c.patientId,
        new Date(start - MAX_DURATION_MS).toISOString(),
        new Date(start + c.durationMinutes * 60_000).toISOString(),
      ],
    });
  }

  /** Refuses a clash unless an overbook reason is given; returns the clashing appointment's id, if any. */
  private checkClash(
    session: Session,
    c: BookingCandidate,
    overbookReason: string | null | undefined,
  ): string | null {
    const clash = findClash(c, this.nearby(session.actor.tenantId, c));
    if (!clash) return null;
    if (!overbookReason) {
      throw new AppError(
        'SLOT_TAKEN',
        clash.kind === 'doctor'
          ? 'The doctor already has an appointment that overlaps this time. Choose another slot, or overbook with a reason.'
          : 'The patient already has an appointment that overlaps this time. Choose another slot, or overbook with a reason.',
      );
    }
    return clash.appointment.id;
  }

  private view(tenantId: string, id: string): AppointmentView {
    const v = appointmentView(this.store, tenantId, id);
    if (!v) throw new AppError('NOT_FOUND', 'That record does not exist.');
    return v;
  }

  book(session: Session, n: ApiRequest<'appointments.book'>): AppointmentView {
    requireCap(session, 'appointments.write');
    const tenantId = session.actor.tenantId;
    this.repos.doctors.get(tenantId, n.doctorId);
    this.repos.patients.get(tenantId, n.patientId);
    const scheduledAt = new Date(Date.parse(n.scheduledAt)).toISOString();
    const id = this.store.transaction(() => {
      const clashId = this.checkClash(session, { ...n, scheduledAt }, n.overbookReason);
      const appt = this.repos.appointments.create(session.actor, {
        doctorId: n.doctorId,
        patientId: n.patientId,
        scheduledAt,
        durationMinutes: n.durationMinutes,
        status: 'scheduled',
        notes: n.notes ?? '',
        cancelReason: null,
        overbookReason: clashId ? (n.overbookReason ?? null) : null,
      });
      if (clashId)
        this.store.audit(session.actor, 'overbook', 'appointments', appt.id, `overlaps ${clashId}`);
      return appt.id;
    });
    return this.view(tenantId, id);
  }

  reschedule(session: Session, r: ApiRequest<'appointments.reschedule'>): AppointmentView {
    requireCap(session, 'appointments.write');
    const tenantId = session.actor.tenantId;
    const current = this.repos.appointments.get(tenantId, r.id);
    if (current.status !== 'scheduled') {
      throw new AppError(
        'INVALID_TRANSITION',
        `An appointment that is ${current.status.replace('_', ' ')} cannot be moved.`,
      );
    }
    if (r.doctorId) this.repos.doctors.get(tenantId, r.doctorId);
    const next = {
      id: r.id,
      doctorId: r.doctorId ?? current.doctorId,
      patientId: current.patientId,
      scheduledAt: new Date(Date.parse(r.scheduledAt)).toISOString(),
      durationMinutes: r.durationMinutes ?? current.durationMinutes,
    };
    this.store.transaction(() => {
      const clashId = this.checkClash(session, next, r.overbookReason);
      this.repos.appointments.update(session.actor, r.id, {
        doctorId: next.doctorId,
        scheduledAt: next.scheduledAt,
        durationMinutes: next.durationMinutes,
        overbookReason: clashId ? (r.overbookReason ?? null) : null,
      });
      if (clashId)
        this.store.audit(session.actor, 'overbook', 'appointments', r.id, `overlaps ${clashId}`);
    });
    return this.view(tenantId, r.id);
  }

  cancel(session: Session, { id, reason }: ApiRequest<'appointments.cancel'>): AppointmentView {
    requireCap(session, 'appointments.write');
    const tenantId = session.actor.tenantId;
    assertTransition(this.repos.appointments.get(tenantId, id).status, 'cancelled');
    this.repos.appointments.update(session.actor, id, {
      status: 'cancelled',
      cancelReason: reason,
    });
    return this.view(tenantId, id);
  }

  setStatus(
    session: Session,
    { id, status }: ApiRequest<'appointments.setStatus'>,
  ): AppointmentView {
    requireCap(session, 'appointments.write');
    const tenantId = session.actor.tenantId;
    const current = this.repos.appointments.get(tenantId, id);
    assertTransition(current.status, status);
    if (status === 'checked_in') {
      const tz = this.repos.tenants.get(tenantId, tenantId).timeZone;
      const refusal = checkInRefusal(current.scheduledAt, localDateOf(this.store.now(), tz), tz);
      if (refusal) throw new AppError('INVALID_TRANSITION', refusal);
    }
    this.repos.appointments.update(session.actor, id, { status });
    return this.view(tenantId, id);
  }

  updateNotes(
    session: Session,
    { id, notes }: ApiRequest<'appointments.updateNotes'>,
  ): AppointmentView {
    requireCap(session, 'appointments.write');
    this.repos.appointments.update(session.actor, id, { notes });
    return this.view(session.actor.tenantId, id);
  }
}
