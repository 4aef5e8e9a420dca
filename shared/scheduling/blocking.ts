// Which appointments hold a doctor's (and a patient's) time, and when.
import { AppError, assertNever } from '../errors';
import type { Appointment } from '../domain/appointment';
import type { AppointmentStatus } from '../domain/enums';
import { MINUTE_MS } from './zoned-time';
import type { Interval } from './interval';

/** The appointment fields the time rules read. */
export type TimedAppointment = Pick<
  Appointment,
  'scheduledAt' | 'durationMinutes' | 'status' | 'deletedAt'
>;

/**
 * Completed visits still block their time (the room was in use); cancelled
 * ones and no-shows free it, so it can be offered again.
 */
export function isBlockingStatus(status: AppointmentStatus): boolean {
  switch (status) {
    case 'scheduled':
    case 'checked_in':
    case 'in_progress':
    case 'completed':
      return true;
    case 'cancelled':
    case 'no_show':
      return false;
    default:
      return assertNever(status);
  }
}

/** True for a live (not deleted) appointment whose status holds its time. */
export const blocksTime = (a: Pick<TimedAppointment, 'status' | 'deletedAt'>): boolean =>
  a.deletedAt == null && isBlockingStatus(a.status);

const isDigitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const two = (s: string, i: number): number =>
  (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
const DIGITS_20 = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const DIGITS_24 = [...DIGITS_20, 20, 21, 22];

/**
 * Reads the canonical stored form 'YYYY-MM-DDTHH:MM:SS(.sss)Z' by hand: slot
 * searches read tens of thousands of these and Date.parse is several times
 * slower. Anything unusual (including days past the 28th, where Date.UTC would
 * roll an impossible date over) goes through Date.parse.
 */
function parseUtc(s: string): number {
  const n = s.length;
  if ((n !== 20 && n !== 24) || s[10] !== 'T' || s[n - 1] !== 'Z') return Date.parse(s);
  for (const i of n === 24 ? DIGITS_24 : DIGITS_20) if (!isDigitAt(s, i)) return Date.parse(s);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59) {
    return Date.parse(s);
  }
  const ms = n === 24 ? (s.charCodeAt(20) - 48) * 100 + two(s, 21) : 0;
  return Date.UTC(two(s, 0) * 100 + two(s, 2), month - 1, day, hour, minute, second, ms);
}

/** The instant an appointment starts, epoch ms. */
export function startOf(a: Pick<TimedAppointment, 'scheduledAt'>): number {
  const start = parseUtc(a.scheduledAt);
  if (Number.isNaN(start)) {
    // No appointment data in the message: it may reach a log.
    throw new AppError('VALIDATION_FAILED', 'An appointment has an unreadable start time.');
  }
  return start;
}

/** The [start, end) an appointment occupies. */
export function intervalOf(a: Pick<TimedAppointment, 'scheduledAt' | 'durationMinutes'>): Interval {
  const start = startOf(a);
  return { start, end: start + a.durationMinutes * MINUTE_MS };
}
