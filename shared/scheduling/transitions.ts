// The appointment lifecycle. Once cancelled, completed or marked as a no-show
// an appointment is final: rebooking makes a new appointment, so the history
// (and the audit trail) of the old one stays as it was.
import { AppError, assertNever } from '../errors';
import type { AppointmentStatus } from '../domain/enums';

const allowed: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  scheduled: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['in_progress', 'cancelled'],
  in_progress: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
};

/** The statuses an appointment in `from` may move to, in lifecycle order. */
export function nextStatuses(from: AppointmentStatus): readonly AppointmentStatus[] {
  return allowed[from];
}

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return allowed[from].includes(to);
}

/** How a status reads after "An appointment that is ...". */
function stateWords(s: AppointmentStatus): string {
  switch (s) {
    case 'scheduled':
      return 'scheduled';
    case 'checked_in':
      return 'checked in';
    case 'in_progress':
      return 'in progress';
    case 'completed':
      return 'completed';
    case 'cancelled':
      return 'cancelled';
    case 'no_show':
      return 'marked as a no-show';
    default:
      return assertNever(s);
  }
}

/** How moving to a status reads after "... cannot be ...". */
function actionWords(s: AppointmentStatus): string {
  switch (s) {
    case 'scheduled':
      return 'scheduled again';
    case 'checked_in':
      return 'checked in';
    case 'in_progress':
      return 'started';
    case 'completed':
      return 'completed';
    case 'cancelled':
      return 'cancelled';
    case 'no_show':
      return 'marked as a no-show';
    default:
      return assertNever(s);
  }
}

/** A sentence for staff explaining why the change is refused. */
export function transitionRefusal(from: AppointmentStatus, to: AppointmentStatus): string {
  if (from === to) return `The appointment is already ${stateWords(from)}.`;
  return `An appointment that is ${stateWords(from)} cannot be ${actionWords(to)}.`;
}

/** Throws INVALID_TRANSITION with a plain-language message unless from -> to is allowed. */
export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('INVALID_TRANSITION', transitionRefusal(from, to));
  }
}
