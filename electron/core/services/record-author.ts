// Who may author a clinical record: a doctor of the clinic, found by the
// signed-in user. Records and drafts both ask it first.
import { AppError } from '../../../shared/errors';
import type { Repositories } from '../repos/repositories';
import type { Session } from './session';

/** The doctor id of the signed-in user; FORBIDDEN for anyone who is not a doctor. */
export function authorDoctorId(repos: Repositories, session: Session): string {
  const doctor = repos.doctors.list(session.actor.tenantId, {
    where: 'userId = ?',
    params: [session.user.id],
    limit: 1,
  })[0];
  if (!doctor) throw new AppError('FORBIDDEN', 'Only doctors write clinical records.');
  return doctor.id;
}
