// Channels of the Schedule screens: doctors and their availability, calendars,
// free slots, booking, statuses, and the iCalendar export.
import { z } from 'zod';
import { channel } from './contract';
import { Appointment } from '../domain/appointment';
import { Availability } from '../domain/availability';
import { AppointmentStatus } from '../domain/enums';
import { CalendarDate, Id, UtcTimestamp } from '../domain/primitives';

export const DoctorView = z.object({
  id: Id,
  userId: Id,
  displayName: z.string(),
  specialty: z.string(),
  availability: Availability,
});
export type DoctorView = z.infer<typeof DoctorView>;

/** An appointment with the names a calendar shows. */
export const AppointmentView = Appointment.extend({
  patientName: z.string(),
  patientMrn: z.string(),
  doctorName: z.string(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

const EpochInterval = z.object({ start: z.number().int(), end: z.number().int() });

const DateRange = {
  /** First local date (clinic time zone), inclusive. */
  fromDate: CalendarDate,
  /** Last local date, inclusive. At most 62 days after fromDate. */
  toDate: CalendarDate,
};
const rangeOk = (r: { fromDate: string; toDate: string }) =>
  r.fromDate <= r.toDate && Date.parse(r.toDate) - Date.parse(r.fromDate) <= 62 * 86_400_000;
const rangeIssue = {
  message: 'the range must run forwards and span at most 62 days',
  path: ['toDate'],
};

/** A calendar range as every boundary checks it (channels, the `ehrbs ical` options). */
export const DateRangeRequest = z.object(DateRange).strict().refine(rangeOk, rangeIssue);

const Reason = z.string().trim().min(3, 'give a reason').max(500);

export const schedulingChannels = {
  'doctors.list': channel(
    'doctors.list',
    z.object({}).strict(),
    z.array(DoctorView),
    'appointments.read',
  ),
  'doctors.updateAvailability': channel(
    'doctors.updateAvailability',
    z.object({ doctorId: Id, availability: Availability }).strict(),
    DoctorView,
    'session',
  ),
  'schedule.range': channel(
    'schedule.range',
    z
      .object({ ...DateRange, doctorIds: z.array(Id).max(50).optional() })
      .strict()
      .refine(rangeOk, rangeIssue),
    z.object({
      appointments: z.array(AppointmentView),
      /** Working hours per doctor as UTC intervals (epoch ms), for shading the calendar. */
      workingHours: z.record(z.string(), z.array(EpochInterval)),
    }),
    'appointments.read',
  ),
  'schedule.freeSlots': channel(
    'schedule.freeSlots',
    z
      .object({ doctorId: Id, ...DateRange })
      .strict()
      .refine(rangeOk, rangeIssue),
    z.array(EpochInterval),
    'appointments.read',
  ),
  'appointments.book': channel(
    'appointments.book',
    z
      .object({
        doctorId: Id,
        patientId: Id,
        scheduledAt: UtcTimestamp,
        durationMinutes: z.number().int().min(5).max(480),
        notes: z.string().max(2000).default(''),
        /** Set to book over an existing appointment on purpose; the overbook is audited. */
        overbookReason: Reason.nullable().default(null),
      })
      .strict(),
    AppointmentView,
    'appointments.write',
  ),
  'appointments.reschedule': channel(
    'appointments.reschedule',
    z
      .object({
        id: Id,
        scheduledAt: UtcTimestamp,
        durationMinutes: z.number().int().min(5).max(480).optional(),
        doctorId: Id.optional(),
        overbookReason: Reason.nullable().default(null),
      })
      .strict(),
    AppointmentView,
    'appointments.write',
  ),
  'appointments.cancel': channel(
    'appointments.cancel',
    z.object({ id: Id, reason: Reason }).strict(),
    AppointmentView,
    'appointments.write',
  ),
  'appointments.setStatus': channel(
    'appointments.setStatus',
    z.object({ id: Id, status: AppointmentStatus.exclude(['cancelled']) }).strict(),
    AppointmentView,
    'appointments.write',
  ),
  'appointments.updateNotes': channel(
    'appointments.updateNotes',
    z.object({ id: Id, notes: z.string().max(2000) }).strict(),
    AppointmentView,
    'appointments.write',
  ),
  'schedule.icalExport': channel(
    'schedule.icalExport',
    z
      .object({ doctorId: Id, ...DateRange })
      .strict()
      .refine(rangeOk, rangeIssue),
    z.object({ filename: z.string(), content: z.string() }),
    'appointments.read',
  ),
} as const;
