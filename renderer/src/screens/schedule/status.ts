// How appointment statuses read and which button moves to each: one table,
// so a new status cannot be added without both (the type requires every key).
import type { AppointmentStatus } from '../../../../shared/domain/enums';

const wording: Record<AppointmentStatus, { label: string; action: string }> = {
  scheduled: { label: 'Scheduled', action: 'Schedule again' },
  checked_in: { label: 'Checked in', action: 'Check in' },
  in_progress: { label: 'In progress', action: 'Start' },
  completed: { label: 'Completed', action: 'Complete' },
  cancelled: { label: 'Cancelled', action: 'Cancel appointment' },
  no_show: { label: 'No-show', action: 'Mark as no-show' },
};

export const statusLabel = (s: AppointmentStatus): string => wording[s].label;

/** The label of the button that moves an appointment to `s`. */
export const actionLabel = (s: AppointmentStatus): string => wording[s].action;
