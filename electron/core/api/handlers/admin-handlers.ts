// admin.*, users.* and doctors.create: clinic settings and staff accounts.
import type { HandlerMap } from '../handler-types';

type AdminChannels =
  | 'admin.clinicSettings'
  | 'admin.updateClinicSettings'
  | 'users.list'
  | 'users.create'
  | 'users.setActive'
  | 'users.setRole'
  | 'users.resetPassword'
  | 'doctors.create';

export const adminHandlers: HandlerMap<AdminChannels> = {
  'admin.clinicSettings': (_r, { session, services }) => services.clinicSettings.get(session),
  'admin.updateClinicSettings': (r, { session, services }) =>
    services.clinicSettings.update(session, r),
  'users.list': (_r, { session, services }) => services.users.listStaff(session),
  'users.create': (r, { session, services }) => services.users.createStaff(session, r),
  'users.setActive': (r, { session, services }) => services.users.setActive(session, r),
  'users.setRole': (r, { session, services }) => services.users.setRole(session, r),
  'users.resetPassword': (r, { session, services }) => services.users.resetPassword(session, r),
  'doctors.create': (r, { session, services }) => services.users.createDoctor(session, r),
};
