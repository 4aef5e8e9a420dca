// Logging in and out, locking and unlocking this workstation, and what the
// renderer needs to know about it before anyone is logged in (setup.status).
import type { ChannelInput } from '../../../shared/api/channels';
import type { AppStatus, SessionInfo } from '../../../shared/api/session';
import { AppError } from '../../../shared/errors';
import { DEMO_PASSWORD } from '../demo/demo-clinic';
import type { Session } from '../services/session';
import type { Workstation } from './workstation';

const NO_CLINIC: AppStatus = {
  state: 'needs_setup',
  clinicName: null,
  isDemo: false,
  session: null,
  lastUserEmail: null,
  lockedUser: null,
  demoLogins: null,
};

export class SessionService {
  constructor(private readonly ws: Workstation) {}

  info(s: Session): SessionInfo {
    const tenant = this.ws.services().repos.tenants.get(s.actor.tenantId, s.actor.tenantId);
    return {
      user: {
        id: s.user.id,
        email: s.user.email,
        displayName: s.user.displayName,
        role: s.user.role,
        mustChangePassword: s.user.mustChangePassword,
      },
      tenant: {
        id: tenant.id,
        name: tenant.name,
        timeZone: tenant.timeZone,
        currency: tenant.currency,
        dateFormat: tenant.dateFormat,
        timeFormat: tenant.timeFormat,
        unitSystem: tenant.unitSystem,
        idleLockMinutes: tenant.idleLockMinutes,
      },
      permissions: [...s.permissions],
      capabilities: [...s.capabilities],
      deviceId: s.actor.deviceId,
    };
  }

  /** Makes `s` this workstation's session, unlocked, and remembers the email for the login form. */
  start(s: Session): SessionInfo {
    this.ws.begin(s);
    this.ws.settings.set('lastUserEmail', s.user.email);
    return this.info(s);
  }

  status(): AppStatus {
    const store = this.ws.store;
    const tenantId = store?.tenantId ?? null;
    if (!store || !tenantId) return { ...NO_CLINIC };
    const services = this.ws.services();
    // A joining workstation knows its clinic before the clinic's rows have arrived.
    const tenant = services.repos.tenants.find(tenantId, tenantId);
    if (!tenant) return { ...NO_CLINIC };
    const { session, locked } = this.ws;
    return {
      state: !session ? 'logged_out' : locked ? 'locked' : 'active',
      clinicName: tenant.name,
      isDemo: store.isDemo,
      session: session && !locked ? this.info(session) : null,
      lastUserEmail: this.ws.settings.get('lastUserEmail'),
      lockedUser:
        session && locked
          ? {
              displayName: session.user.displayName,
              email: session.user.email,
              role: session.user.role,
            }
          : null,
      demoLogins: store.isDemo
        ? services.repos.users
            .list(tenantId, { where: "role != 'patient' AND active = 1", orderBy: 'role, email' })
            .map((u) => ({ email: u.email, role: u.role, password: DEMO_PASSWORD }))
        : null,
    };
  }

  async login(r: ChannelInput<'session.login'>): Promise<SessionInfo> {
    return this.start(await this.ws.services().auth.login(r.email, r.password));
  }

  logout(): { ok: true } {
    const { session, store } = this.ws;
    if (session && store) store.audit(session.actor, 'logout', 'users', session.user.id);
    this.ws.end();
    return { ok: true };
  }

  lock(): { ok: true } {
    if (!this.ws.session) throw new AppError('UNAUTHENTICATED', 'Please log in.');
    this.ws.lock();
    return { ok: true };
  }

  touch(): { ok: true } {
    this.ws.touch();
    return { ok: true };
  }

  /** Everyone changes their own password (the old one proves it is them); clears a required change. */
  async changePassword(r: ChannelInput<'session.changePassword'>): Promise<SessionInfo> {
    const session = this.ws.session;
    if (!session || this.ws.locked) throw new AppError('UNAUTHENTICATED', 'Please log in.');
    await this.ws.services().auth.changePassword(session, r.oldPassword, r.newPassword);
    return this.start(this.ws.services().auth.sessionFor(session.user.id));
  }

  async unlock(r: ChannelInput<'session.unlock'>): Promise<SessionInfo> {
    const session = this.ws.session;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Please log in.');
    return this.start(await this.ws.services().auth.unlock(session, r.password));
  }
}
