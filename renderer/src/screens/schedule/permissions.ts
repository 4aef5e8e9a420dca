// What the Schedule screen offers to whom, from the session's capabilities.
// The core enforces the same rules (schedule-service's updateAvailability).
import type { DoctorView } from '../../../../shared/api/scheduling';
import type { SessionInfo } from '../../../../shared/api/session';
import { holds } from '../../../../shared/auth/capabilities';

/** Whoever holds doctors.manage edits anyone's hours; a doctor edits their own. */
export const canEditHours = (session: SessionInfo, doctor: DoctorView): boolean =>
  doctor.userId === session.user.id || holds(session.capabilities, 'doctors.manage');

/** The doctor profile of the logged-in user, if they are a doctor. */
export const ownDoctor = (
  session: SessionInfo,
  doctors: readonly DoctorView[] | null,
): DoctorView | undefined => doctors?.find((d) => d.userId === session.user.id);
