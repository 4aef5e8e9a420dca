// patients.setSensitivity, patients.access, patients.breakGlass, patients.breakGlassLog.
import type { HandlerMap } from '../handler-types';

export const sensitivePatientsHandlers: HandlerMap<
  'patients.setSensitivity' | 'patients.access' | 'patients.breakGlass' | 'patients.breakGlassLog'
> = {
  'patients.setSensitivity': (r, { session, services }) =>
    services.sensitivePatients.setSensitivity(session, r),
  'patients.access': (r, { session, services }) => services.sensitivePatients.access(session, r),
  'patients.breakGlass': (r, { session, services }) =>
    services.sensitivePatients.breakGlass(session, r),
  'patients.breakGlassLog': (r, { session, services }) =>
    services.sensitivePatients.log(session, r),
};
