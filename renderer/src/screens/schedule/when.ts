// When an appointment is, as its form holds it (clinic wall-clock date and
// time, minutes as typed) and as the core wants it (a UTC instant, a number).
// Shared by booking and rescheduling.
import { utcToZoned } from '../../../../shared/scheduling';
import { numberFrom } from '../../lib/form-rules';
import type { FieldErrors } from '../../lib/validation';
import { isoOf } from './time';

export interface When {
  doctorId: string;
  /** Clinic-local 'YYYY-MM-DD'. */
  date: string;
  /** Clinic-local 'HH:MM'. */
  time: string;
  /** As typed; named like the request's field so the core's issues land on it. */
  durationMinutes: string;
}

export function whenOf(doctorId: string, instant: number, minutes: number, timeZone: string): When {
  const { date, time } = utcToZoned(instant, timeZone);
  return { doctorId, date, time, durationMinutes: String(minutes) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** The request's doctor, start and length; a date or time not filled in gives no start. */
export function whenRequest(when: When, timeZone: string) {
  const complete = DATE.test(when.date) && TIME.test(when.time);
  return {
    doctorId: when.doctorId,
    scheduledAt: complete ? isoOf(when.date, when.time, timeZone) : undefined,
    durationMinutes: numberFrom(when.durationMinutes),
  };
}

/** A missing date, time or length, said on its own field (the request has only the instant). */
export function whenProblems(when: When): FieldErrors {
  const problems: FieldErrors = {};
  if (!DATE.test(when.date)) problems.date = 'Enter a date';
  if (!TIME.test(when.time)) problems.time = 'Enter a time';
  // Rescheduling may leave the length out of its request; an emptied field must not mean "keep it".
  if (when.durationMinutes.trim() === '') problems.durationMinutes = 'Required';
  return problems;
}
