// An appointment's status in words on its status colour (never colour alone).
import type { AppointmentStatus } from '../../../../shared/domain/enums';
import { statusLabel } from './status';

export function StatusPill({ status }: { status: AppointmentStatus }) {
  return <span className={`status-pill appt--${status}`}>{statusLabel(status)}</span>;
}
