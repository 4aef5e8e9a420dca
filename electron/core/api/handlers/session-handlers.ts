// setup.* and session.*: first run, login, lock, unlock, logout.
import type { SessionInfo } from '../../../../shared/api/session';
import { AppError } from '../../../../shared/errors';
import type { CoreRuntime } from '../../app/core-runtime';
import { DEMO_PASSWORD, generateDemoClinic } from '../../demo/demo-clinic';
import { setUpClinic } from '../../services/clinic-setup';
import type { Session } from '../../services/session';
import type { HandlerMap } from '../handler-types';

type SessionChannels =
  | 'setup.status'
  | 'setup.createClinic'
  | 'setup.createDemo'
  | 'session.login'
  | 'session.logout'
  | 'session.lock'
  | 'session.unlock';

export function sessionInfo(rt: CoreRuntime, s: Session): SessionInfo {
  const tenant = rt.services().repos.tenants.get(s.actor.tenantId, s.actor.tenantId);
  return {
    user: {
      id: s.user.id,
      email: s.user.email,
      displayName: s.user.displayName,
      role: s.user.role,
    },
    tenant: {
      id: tenant.id,
      name: tenant.name,
      timeZone: tenant.timeZone,
      currency: tenant.currency,
      idleLockMinutes: tenant.idleLockMinutes,
    },
    permissions: [...s.permissions],
    capabilities: [...s.capabilities],
    deviceId: s.actor.deviceId,
  };
}

const NO_CLINIC = {
  state: 'needs_setup',
  clinicName: null,
  isDemo: false,
  session: null,
  lastUserEmail: null,
  lockedUser: null,
  demoLogins: null,
} as const;

export function sessionHandlers(rt: CoreRuntime): HandlerMap<SessionChannels> {
  const startSession = (s: Session): SessionInfo => {
    rt.session = s;
    rt.locked = false;
    rt.settings.set('lastUserEmail', s.user.email);
    return sessionInfo(rt, s);
  };
  const requireNoClinic = () => {
    if (rt.store?.tenantId)
      throw new AppError('STORE_EXISTS', 'This workstation already belongs to a clinic.');
  };

  return {
    'setup.status': () => {
      const store = rt.store;
      const tenantId = store?.tenantId ?? null;
      if (!store || !tenantId) {
        return { ...NO_CLINIC };
      }
      const services = rt.services();
      // A joining workstation knows its clinic before the clinic's rows have arrived.
      if (!services.repos.tenants.find(tenantId, tenantId)) {
        return { ...NO_CLINIC };
      }
      return {
        state: !rt.session ? 'logged_out' : rt.locked ? 'locked' : 'active',
        clinicName: services.repos.tenants.get(tenantId, tenantId).name,
        isDemo: store.isDemo,
        session: rt.session && !rt.locked ? sessionInfo(rt, rt.session) : null,
        lastUserEmail: rt.settings.get('lastUserEmail'),
        lockedUser:
          rt.session && rt.locked
            ? {
                displayName: rt.session.user.displayName,
                email: rt.session.user.email,
                role: rt.session.user.role,
              }
            : null,
        demoLogins: store.isDemo
          ? services.repos.users
              .list(tenantId, { where: "role != 'patient' AND active = 1", orderBy: 'role, email' })
              .map((u) => ({ email: u.email, role: u.role, password: DEMO_PASSWORD }))
          : null,
      };
    },
    'setup.createClinic': async (req) => {
      requireNoClinic();
      const store = await rt.ensureStore();
      const { adminUserId } = await setUpClinic(store, rt.rawServices().repos, req);
      return startSession(rt.services().auth.sessionFor(adminUserId));
    },
    'setup.createDemo': async (req) => {
      requireNoClinic();
      const store = await rt.ensureStore();
      const { logins } = await generateDemoClinic(store, rt.rawServices(), {
        patients: req.patients ?? 500,
      });
      return { logins };
    },
    'session.login': async (req) =>
      startSession(await rt.services().auth.login(req.email, req.password)),
    'session.logout': () => {
      if (rt.session && rt.store)
        rt.store.audit(rt.session.actor, 'logout', 'users', rt.session.user.id);
      rt.session = null;
      rt.locked = false;
      return { ok: true };
    },
    'session.lock': () => {
      if (!rt.session) throw new AppError('UNAUTHENTICATED', 'Please log in.');
      rt.locked = true;
      return { ok: true };
    },
    'session.unlock': async (req) => {
      if (!rt.session) throw new AppError('UNAUTHENTICATED', 'Please log in.');
      return startSession(await rt.services().auth.unlock(rt.session, req.password));
    },
  };
}
