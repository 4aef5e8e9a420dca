// Logs the acting user in for a command, WITHOUT writing: a wrong password or
// a user without the needed permission must leave every file as it was, so
// the password and permission checks run read-only and only a command that
// goes ahead records its login (and its own action) in the audit chain.
// Failed attempts are therefore not audited by the CLI; whoever runs it
// already holds the store passphrase, a stronger secret than any password.
import { AppError } from '../../../shared/errors';
import type { Services } from '../services/services';
import { dummyHash, verifyPassword } from '../auth/password';
import type { Capability } from '../auth/capabilities';
import type { Session } from '../services/session';
import type { ClinicStore } from '../clinic/clinic-store';
import { PASSWORD, readSecret } from './secrets';

export async function authenticate(
  store: ClinicStore,
  services: Services,
  tenantId: string,
  email: string,
  need: { capability: Capability; refusal: string },
): Promise<{ session: Session; recordLogin: () => void }> {
  const password = await readSecret({ ...PASSWORD, label: `Password for ${email}` });
  const user = services.repos.users.list(tenantId, {
    where: 'email = ?',
    params: [email.trim()],
    limit: 1,
  })[0];
  // Unknown emails cost the same scrypt as known ones, so timing reveals nothing.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok || !user.active || user.role === 'patient' || !user.passwordHash) {
    throw new AppError('WRONG_PASSWORD', 'Wrong email or password.');
  }
  const session = services.auth.sessionFor(user.id);
  if (!session.capabilities.has(need.capability)) throw new AppError('FORBIDDEN', need.refusal);
  return {
    session,
    recordLogin: () =>
      store.audit(session.actor, 'login', 'users', user.id, 'ehrbs command-line tool'),
  };
}
