// When an appointment is, as its form holds it (clinic wall-clock date and
// time, minutes as typed) and as the core wants it (a UTC instant, a number).
// Shared by booking and rescheduling. The time is text in the clinic's format
// ('2:30 PM' in a 12-hour clinic, '14:30' in a 24-hour one); parseClock reads
// either way of typing it.
import type { TimeFormat } from '../../../../shared/domain/clinic-locale';
import { clockProblem, clockText, storedClockOf } from '../../../../shared/format';
import { utcToZoned } from '../../../../shared/scheduling';
import { numberFrom } from '../../lib/form-rules';
import type { FieldErrors } from '../../lib/validation';
import { isoOf } from './time';

export interface When {
  doctorId: string;
  /** Clinic-local 'YYYY-MM-DD'. */
  date: string;
  /** Clinic-local time as typed; shown in the clinic's format ('2:30 PM' or '14:30'). */
  time: string;
  /** As typed; named like the request's field so the core's issues land on it. */
  durationMinutes: string;
}

export function whenOf(
  doctorId: string,
  instant: number,
  minutes: number,
  timeZone: string,
  timeFormat: TimeFormat,
): When {
  const { date, time } = utcToZoned(instant, timeZone);
  return { doctorId, date, time: clockText(time, timeFormat), durationMinutes: String(minutes) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The request's doctor, start and length; a date or time not filled in (or not a time) gives no start. */
export function whenRequest(when: When, timeZone: string) {
  const time = storedClockOf(when.time);
  const complete = DATE.test(when.date) && time !== null;
  return {
    doctorId: when.doctorId,
    scheduledAt: complete ? isoOf(when.date, time, timeZone) : undefined,
    durationMinutes: numberFrom(when.durationMinutes),
  };
}

/** A missing date, time or length, said on its own field (the request has only the instant). */
export function whenProblems(when: When, timeFormat: TimeFormat): FieldErrors {
  const problems: FieldErrors = {};
  if (!DATE.test(when.date)) problems.date = 'Enter a date';
  if (when.time.trim() === '') problems.time = 'Enter a time';
  else if (storedClockOf(when.time) === null) problems.time = clockProblem(timeFormat);
  // Rescheduling may leave the length out of its request; an emptied field must not mean "keep it".
  if (when.durationMinutes.trim() === '') problems.durationMinutes = 'Required';
  return problems;
}
