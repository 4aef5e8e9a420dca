// admin.*, users.* and doctors.create: clinic settings and staff accounts.
import type { HandlerMap } from '../handler-types';

type AdminChannels =
  | 'admin.clinicSettings'
  | 'admin.updateClinicSettings'
  | 'users.list'
  | 'users.create'
  | 'doctors.create';

export const adminHandlers: HandlerMap<AdminChannels> = {
  'admin.clinicSettings': (_r, { session, services }) => services.clinicSettings.get(session),
  'admin.updateClinicSettings': (r, { session, services }) =>
    services.clinicSettings.update(session, r),
  'users.list': (_r, { session, services }) => services.users.listStaff(session),
  'users.create': (r, { session, services }) => services.users.createStaff(session, r),
  'doctors.create': (r, { session, services }) => services.users.createDoctor(session, r),
};
