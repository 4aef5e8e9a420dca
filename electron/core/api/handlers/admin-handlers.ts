// admin.*: clinic settings.
import type { CoreRuntime } from '../../app/core-runtime';
import type { HandlerMap } from '../handler-types';

export function adminHandlers(
  rt: CoreRuntime,
): HandlerMap<'admin.clinicSettings' | 'admin.updateClinicSettings'> {
  return {
    'admin.clinicSettings': () => {
      const { session, services } = rt.requireSession();
      return services.clinicSettings.get(session);
    },
    'admin.updateClinicSettings': (r) => {
      const { session, services } = rt.requireSession();
      return services.clinicSettings.update(session, r);
    },
  };
}
