// How appointment statuses read and which button moves to each.
import type { AppointmentStatus } from '../../../../shared/domain/enums';

export function statusLabel(s: AppointmentStatus): string {
  switch (s) {
    case 'scheduled':
      return 'Scheduled';
    case 'checked_in':
      return 'Checked in';
    case 'in_progress':
      return 'In progress';
    case 'completed':
      return 'Completed';
    case 'cancelled':
      return 'Cancelled';
    case 'no_show':
      return 'No-show';
  }
}

/** The label of the button that moves an appointment to `s`. */
export function actionLabel(s: AppointmentStatus): string {
  switch (s) {
    case 'scheduled':
      return 'Schedule again';
    case 'checked_in':
      return 'Check in';
    case 'in_progress':
      return 'Start';
    case 'completed':
      return 'Complete';
    case 'cancelled':
      return 'Cancel appointment';
    case 'no_show':
      return 'Mark as no-show';
  }
}
