// Login (offline: checked against the local store), unlock, and the session's
// capabilities. Failed logins are audited without the attempted password.
import type { Permission } from '../../../shared/domain/enums';
import { PublicUser } from '../../../shared/domain/user';
import { AppError } from '../../../shared/errors';
import { capabilitiesFor } from '../auth/capabilities';
import { dummyHash, verifyPassword } from '../auth/password';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Session } from './session';

const WRONG = 'Wrong email or password.';

export class AuthService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  private tenantId(): string {
    const id = this.store.tenantId;
    if (!id) throw new AppError('UNAUTHENTICATED', 'This workstation has no clinic yet.');
    return id;
  }

  sessionFor(userId: string): Session {
    const tenantId = this.tenantId();
    const user = this.repos.users.get(tenantId, userId);
    const admin = this.repos.admins.list(tenantId, {
      where: 'userId = ?',
      params: [user.id],
      limit: 1,
    })[0];
    const permissions: Permission[] = user.role === 'admin' ? (admin?.permissions ?? []) : [];
    return {
      user: PublicUser.parse(user),
      permissions,
      capabilities: new Set(capabilitiesFor(user.role, permissions)),
      actor: { tenantId, userId: user.id, deviceId: this.store.deviceId },
    };
  }

  async login(email: string, password: string): Promise<Session> {
    const tenantId = this.tenantId();
    const user = this.repos.users.list(tenantId, {
      where: 'email = ?',
      params: [email.trim()],
      limit: 1,
    })[0];
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    const actor = { tenantId, userId: user?.id ?? null, deviceId: this.store.deviceId };
    if (!user || !ok || !user.active || user.role === 'patient' || !user.passwordHash) {
      this.store.audit(actor, 'login_failed', 'users', user?.id ?? null);
      throw new AppError('WRONG_PASSWORD', WRONG);
    }
    this.store.audit(actor, 'login', 'users', user.id);
    return this.sessionFor(user.id);
  }

  /** Unlock a locked session: the same user's password again. */
  async unlock(session: Session, password: string): Promise<Session> {
    const user = this.repos.users.get(session.actor.tenantId, session.user.id);
    if (!user.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
      this.store.audit(session.actor, 'login_failed', 'users', user.id, 'unlock');
      throw new AppError('WRONG_PASSWORD', 'Wrong password.');
    }
    this.store.audit(session.actor, 'login', 'users', user.id, 'unlock');
    return this.sessionFor(user.id);
  }
}
