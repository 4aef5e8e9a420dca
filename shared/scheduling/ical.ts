// A doctor's schedule as an iCalendar feed (RFC 5545) for their own calendar
// app. It leaves the clinic's control once exported, so it carries only times
// and status; patient names appear only when the caller opts in, and notes
// never do.
import { assertNever } from '../errors';
import type { Appointment } from '../domain/appointment';
import type { AppointmentStatus } from '../domain/enums';
import { intervalOf } from './blocking';
import { escapeText, foldLine, formatUtc } from './ical-text';

export type ICalAppointment = Pick<
  Appointment,
  'id' | 'patientId' | 'scheduledAt' | 'durationMinutes' | 'status' | 'deletedAt'
> &
  Partial<Pick<Appointment, 'updatedAt'>>;

export interface DoctorScheduleInput {
  clinicName: string;
  doctorName: string;
  /** The clinic's IANA zone: a display hint for calendar apps; event times are UTC. */
  timeZone: string;
  appointments: readonly ICalAppointment[];
  /** Patient display names by patient id, used only when includePatientNames is true. */
  patientNames?: ReadonlyMap<string, string>;
  includePatientNames: boolean;
  /** The export time (DTSTAMP), epoch ms or a Date. */
  now: number | Date;
}

export type ICalStatus = 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';

/**
 * A booked appointment is firm in the doctor's calendar. A no-show is shown as
 * cancelled because the time was, in the end, free. TENTATIVE is not used: no
 * appointment status means "maybe".
 */
export function icalStatus(status: AppointmentStatus): ICalStatus {
  switch (status) {
    case 'scheduled':
    case 'checked_in':
    case 'in_progress':
    case 'completed':
      return 'CONFIRMED';
    case 'cancelled':
    case 'no_show':
      return 'CANCELLED';
    default:
      return assertNever(status);
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The calendar as RFC 5545 text: CRLF line endings, folded at 75 octets. */
export function doctorScheduleToICalendar(input: DoctorScheduleInput): string {
  const stamp = formatUtc(typeof input.now === 'number' ? input.now : input.now.getTime());
  const events = input.appointments
    .filter((a) => a.deletedAt == null)
    .map((a) => ({ a, t: intervalOf(a) }))
    // Stable order, so an unchanged schedule exports byte-identical text.
    .sort((x, y) => x.t.start - y.t.start || cmp(x.a.id, y.a.id));

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//EHRBS//Doctor Schedule//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${input.clinicName} - ${input.doctorName}`)}`,
    `X-WR-TIMEZONE:${escapeText(input.timeZone)}`,
  ];
  for (const { a, t } of events) {
    const name = input.includePatientNames ? input.patientNames?.get(a.patientId) : undefined;
    const summary = name ? `Appointment: ${name}` : 'Appointment';
    lines.push(
      'BEGIN:VEVENT',
      // Ids are UUIDs, but escape anyway: a UID is TEXT.
      `UID:${escapeText(a.id)}@ehrbs`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatUtc(t.start)}`,
      `DTEND:${formatUtc(t.end)}`,
      `SUMMARY:${escapeText(summary)}`,
      `STATUS:${icalStatus(a.status)}`,
    );
    if (a.updatedAt) {
      const updated = Date.parse(a.updatedAt);
      if (!Number.isNaN(updated)) lines.push(`LAST-MODIFIED:${formatUtc(updated)}`);
    }
    lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
