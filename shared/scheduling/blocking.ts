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

/** The instant an appointment starts, epoch ms. */
export function startOf(a: Pick<TimedAppointment, 'scheduledAt'>): number {
  const start = Date.parse(a.scheduledAt);
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
