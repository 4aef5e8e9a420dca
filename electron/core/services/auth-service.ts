// Login (offline: checked against the local store), unlock, and the session's
// capabilities. Failed logins are audited without the attempted password.
import type { Permission } from '../../../shared/domain/enums';
import { PublicUser } from '../../../shared/domain/user';
import { AppError } from '../../../shared/errors';
import { capabilitiesFor } from '../auth/capabilities';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Session } from './session';

const WRONG = 'Wrong email or password.';

const seconds = (ms: number) => Math.ceil(ms / 1000);
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const waitWords = (ms: number) =>
  seconds(ms) < 120 ? plural(seconds(ms), 'second') : plural(Math.ceil(ms / 60_000), 'minute');

/** Refused for now: says how long to wait (the login screen shows it as it is). */
const throttled = (ms: number, first = 'Too many wrong passwords for this account.') =>
  new AppError('THROTTLED', `${first} Try again in ${waitWords(ms)}.`);

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
      breakGlass: new Set(),
    };
  }

  async login(email: string, password: string): Promise<Session> {
    const tenantId = this.tenantId();
    const account = email.trim().toLowerCase();
    const now = this.store.now();
    const user = this.repos.users.list(tenantId, {
      where: 'email = ?',
      params: [account],
      limit: 1,
    })[0];
    const actor = { tenantId, userId: user?.id ?? null, deviceId: this.store.deviceId };
    // Offline throttling: after five wrong passwords each try waits longer. A
    // waiting account is refused before any password check (unknown emails too,
    // so the answer does not tell which accounts exist).
    const wait = this.store.loginThrottle.waitMs(account, now);
    if (wait > 0) {
      this.store.audit(actor, 'login_failed', 'users', user?.id ?? null, 'throttled');
      throw throttled(wait);
    }
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !ok || !user.active || user.role === 'patient' || !user.passwordHash) {
      const next = this.store.transaction(() => {
        this.store.audit(actor, 'login_failed', 'users', user?.id ?? null);
        return this.store.loginThrottle.fail(account, now);
      });
      if (next > 0) throw throttled(next, WRONG);
      throw new AppError('WRONG_PASSWORD', WRONG);
    }
    this.store.transaction(() => {
      this.store.loginThrottle.clear(account);
      this.store.audit(actor, 'login', 'users', user.id);
    });
    return this.sessionFor(user.id);
  }

  /** A user's own new password: the old one first. Clears a required change. */
  async changePassword(session: Session, oldPassword: string, newPassword: string): Promise<void> {
    const user = this.repos.users.get(session.actor.tenantId, session.user.id);
    if (!user.passwordHash || !(await verifyPassword(oldPassword, user.passwordHash))) {
      this.store.audit(session.actor, 'login_failed', 'users', user.id, 'change password');
      throw new AppError('WRONG_PASSWORD', 'The current password is not right.', [
        { path: 'oldPassword', message: 'not your current password' },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    this.repos.users.update(session.actor, user.id, { passwordHash, mustChangePassword: false });
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
