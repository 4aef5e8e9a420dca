// What the Schedule screen offers to whom. The core enforces the same rules.
import type { SessionInfo } from '../../../../shared/api/session';
import type { DoctorView } from '../../../../shared/api/scheduling';

/** Admins with doctors.manage edit anyone's hours; a doctor edits their own. */
export const canEditHours = (session: SessionInfo, doctor: DoctorView): boolean =>
  doctor.userId === session.user.id ||
  (session.user.role === 'admin' && session.permissions.includes('doctors.manage'));

/** The doctor profile of the logged-in user, if they are a doctor. */
export const ownDoctor = (
  session: SessionInfo,
  doctors: readonly DoctorView[] | null,
): DoctorView | undefined => doctors?.find((d) => d.userId === session.user.id);
