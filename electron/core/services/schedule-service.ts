// Doctors' availability, calendar ranges, free slots and the iCalendar export.
// Local dates are in the clinic's time zone; instants are UTC.
import type { ApiRequest } from '../../../shared/api/channels';
import { DateRangeRequest, type DoctorView } from '../../../shared/api/scheduling';
import { AppError } from '../../../shared/errors';
import {
  addDaysToDate,
  doctorScheduleToICalendar,
  freeSlots,
  workingIntervals,
  zonedToUtc,
  type Interval,
} from '../../../shared/scheduling';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import { appointmentViewsInRange } from './appointment-views';
import { requireCap, type Session } from './session';

export interface DateRange {
  fromDate: string;
  toDate: string;
}

export class ScheduleService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  private tenant(session: Session) {
    return this.repos.tenants.get(session.actor.tenantId, session.actor.tenantId);
  }

  /**
   * [start of fromDate, start of the day after toDate) in the clinic's zone, as
   * UTC ISO strings. The range is checked here too: the CLI calls services
   * directly, and a range of centuries would be both slow and out of Date's range.
   */
  private bounds(timeZone: string, r: DateRange): { from: string; to: string } {
    if (!DateRangeRequest.safeParse({ fromDate: r.fromDate, toDate: r.toDate }).success)
      throw new AppError(
        'VALIDATION_FAILED',
        'The range must run forwards and span at most 62 days.',
        [{ path: 'toDate', message: 'the range must run forwards and span at most 62 days' }],
      );
    return {
      from: new Date(zonedToUtc(r.fromDate, '00:00', timeZone)).toISOString(),
      to: new Date(zonedToUtc(addDaysToDate(r.toDate, 1), '00:00', timeZone)).toISOString(),
    };
  }

  listDoctors(session: Session): DoctorView[] {
    requireCap(session, 'appointments.read');
    const tenantId = session.actor.tenantId;
    const names = new Map(
      this.repos.users
        .list(tenantId, { where: "role = 'doctor'" })
        .map((u) => [u.id, u.displayName]),
    );
    return this.repos.doctors
      .list(tenantId)
      .map((d) => ({
        id: d.id,
        userId: d.userId,
        displayName: names.get(d.userId) ?? 'Unknown doctor',
        specialty: d.specialty,
        availability: d.availability,
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Admins with doctors.manage edit anyone's hours; a doctor edits their own. */
  updateAvailability(
    session: Session,
    { doctorId, availability }: ApiRequest<'doctors.updateAvailability'>,
  ): DoctorView {
    const tenantId = session.actor.tenantId;
    const doctor = this.repos.doctors.get(tenantId, doctorId);
    if (doctor.userId !== session.user.id) requireCap(session, 'doctors.manage');
    this.repos.doctors.update(session.actor, doctorId, { availability });
    const view = this.listDoctors(session).find((d) => d.id === doctorId);
    if (!view) throw new AppError('NOT_FOUND', 'That record does not exist.');
    return view;
  }

  range(session: Session, r: ApiRequest<'schedule.range'>) {
    requireCap(session, 'appointments.read');
    const tenantId = session.actor.tenantId;
    const tz = this.tenant(session).timeZone;
    const { from, to } = this.bounds(tz, r);
    const appointments = appointmentViewsInRange(this.store, tenantId, from, to, r.doctorIds);
    const doctors = this.repos.doctors
      .list(tenantId)
      .filter((d) => !r.doctorIds || r.doctorIds.length === 0 || r.doctorIds.includes(d.id));
    const workingHours: Record<string, Interval[]> = {};
    for (const d of doctors) {
      workingHours[d.id] = workingIntervals(d.availability, tz, r.fromDate, r.toDate).map(
        ({ start, end }) => ({ start, end }),
      );
    }
    return { appointments, workingHours };
  }

  freeSlots(session: Session, r: ApiRequest<'schedule.freeSlots'>): Interval[] {
    const { doctorId } = r;
    requireCap(session, 'appointments.read');
    const tenantId = session.actor.tenantId;
    const tz = this.tenant(session).timeZone;
    const doctor = this.repos.doctors.get(tenantId, doctorId);
    const { from, to } = this.bounds(tz, r);
    const appointments = this.repos.appointments.list(tenantId, {
      where: 'doctorId = ? AND scheduledAt >= ? AND scheduledAt < ?',
      params: [doctorId, new Date(Date.parse(from) - 8 * 3_600_000).toISOString(), to],
    });
    return freeSlots({
      availability: doctor.availability,
      timeZone: tz,
      fromDate: r.fromDate,
      toDate: r.toDate,
      appointments,
      now: this.store.now(),
    });
  }

  icalExport(
    session: Session,
    r: ApiRequest<'schedule.icalExport'>,
  ): { filename: string; content: string } {
    const { doctorId } = r;
    requireCap(session, 'appointments.read');
    const tenantId = session.actor.tenantId;
    const tenant = this.tenant(session);
    const doctor = this.listDoctors(session).find((d) => d.id === doctorId);
    if (!doctor) throw new AppError('NOT_FOUND', 'That record does not exist.');
    const { from, to } = this.bounds(tenant.timeZone, r);
    const appointments = appointmentViewsInRange(this.store, tenantId, from, to, [doctorId]);
    const content = doctorScheduleToICalendar({
      clinicName: tenant.name,
      doctorName: doctor.displayName,
      timeZone: tenant.timeZone,
      appointments,
      patientNames: new Map(appointments.map((a) => [a.patientId, a.patientName])),
      includePatientNames: tenant.icalIncludePatientNames,
      now: this.store.now(),
    });
    this.store.audit(session.actor, 'export', 'appointments', null, `ical doctor ${doctorId}`);
    const slug = doctor.displayName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return { filename: `${slug || 'doctor'}-${r.fromDate}-to-${r.toDate}.ics`, content };
  }
}
