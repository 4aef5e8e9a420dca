// patients.*: the Patients screen.
import type { HandlerMap } from '../handler-types';

export const patientsHandlers: HandlerMap<
  'patients.search' | 'patients.get' | 'patients.create' | 'patients.update'
> = {
  'patients.search': (r, { session, services }) => services.patients.search(session, r),
  'patients.get': (r, { session, services }) => services.patients.get(session, r.id),
  'patients.create': (r, { session, services }) => services.patients.create(session, r),
  'patients.update': (r, { session, services }) => services.patients.update(session, r),
};
