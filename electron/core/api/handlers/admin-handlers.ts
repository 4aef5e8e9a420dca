// admin.*, users.* and doctors.create: clinic settings and staff accounts.
// The services enforce the capabilities (users.manage, doctors.manage,
// settings.manage); listing staff needs users.manage too, since it shows
// admins' permissions and doctors' licence numbers.
import type { StaffMember } from '../../../../shared/api/admin';
import { emptyAvailability } from '../../../../shared/domain/availability';
import type { Permission } from '../../../../shared/domain/enums';
import type { PublicUser } from '../../../../shared/domain/user';
import { AppError } from '../../../../shared/errors';
import type { CoreRuntime, Services } from '../../app/core-runtime';
import { requireCap, type Session } from '../../services/session';
import type { HandlerMap } from '../handler-types';

type AdminChannels =
  | 'admin.clinicSettings'
  | 'admin.updateClinicSettings'
  | 'users.list'
  | 'users.create'
  | 'doctors.create';

interface Extras {
  doctors: Map<string, StaffMember['doctor']>;
  permissions: Map<string, Permission[]>;
}

function extrasOf(services: Services, session: Session): Extras {
  const tenantId = session.actor.tenantId;
  return {
    doctors: new Map(
      services.repos.doctors.list(tenantId).map((d) => [
        d.userId,
        {
          id: d.id,
          specialty: d.specialty,
          licenseNumber: d.licenseNumber,
          consultationFee: d.consultationFee,
          experienceYears: d.experienceYears,
        },
      ]),
    ),
    permissions: new Map(
      services.repos.admins.list(tenantId).map((a) => [a.userId, a.permissions]),
    ),
  };
}

const staffMember = (u: PublicUser, extras: Extras): StaffMember => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  active: u.active,
  doctor: extras.doctors.get(u.id) ?? null,
  permissions: u.role === 'admin' ? (extras.permissions.get(u.id) ?? []) : null,
});

function memberById(services: Services, session: Session, userId: string): StaffMember {
  const user = services.users.listUsers(session).find((u) => u.id === userId);
  if (!user) throw new AppError('NOT_FOUND', 'That user does not exist.');
  return staffMember(user, extrasOf(services, session));
}

export function adminHandlers(rt: CoreRuntime): HandlerMap<AdminChannels> {
  return {
    'admin.clinicSettings': () => {
      const { session, services } = rt.requireSession();
      return services.clinicSettings.get(session);
    },
    'admin.updateClinicSettings': (r) => {
      const { session, services } = rt.requireSession();
      return services.clinicSettings.update(session, r);
    },
    'users.list': () => {
      const { session, services } = rt.requireSession();
      requireCap(session, 'users.manage');
      const extras = extrasOf(services, session);
      return services.users.listUsers(session).map((u) => staffMember(u, extras));
    },
    'users.create': async (r) => {
      const { session, services } = rt.requireSession();
      const user = await services.users.createUser(session, {
        email: r.email,
        displayName: r.displayName,
        role: r.role,
        password: r.password,
        ...(r.role === 'admin' ? { permissions: r.permissions } : {}),
      });
      return memberById(services, session, user.id);
    },
    'doctors.create': async (r) => {
      const { session, services } = rt.requireSession();
      // Both capabilities up front, so a refusal never leaves a half-made doctor.
      requireCap(session, 'users.manage');
      requireCap(session, 'doctors.manage');
      const doctor = await services.users.createDoctor(
        session,
        { email: r.email, displayName: r.displayName, password: r.password },
        {
          specialty: r.specialty,
          licenseNumber: r.licenseNumber,
          consultationFee: r.consultationFee,
          experienceYears: r.experienceYears,
          availability: emptyAvailability,
        },
      );
      return memberById(services, session, doctor.userId);
    },
  };
}
