// patients.*: the Patients screen.
import type { CoreRuntime } from '../../app/core-runtime';
import type { HandlerMap } from '../handler-types';

export function patientsHandlers(
  rt: CoreRuntime,
): HandlerMap<'patients.search' | 'patients.get' | 'patients.create' | 'patients.update'> {
  return {
    'patients.search': (req) => {
      const { session, services } = rt.requireSession();
      return services.patients.search(session, req.query, req.offset, req.limit);
    },
    'patients.get': (req) => {
      const { session, services } = rt.requireSession();
      return services.patients.get(session, req.id);
    },
    'patients.create': (req) => {
      const { session, services } = rt.requireSession();
      return services.patients.create(session, req);
    },
    'patients.update': (req) => {
      const { session, services } = rt.requireSession();
      return services.patients.update(session, req.id, req.changes);
    },
  };
}
