// patients.*: the Patients screen.
import type { HandlerMap } from '../handler-types';

export const patientsHandlers: HandlerMap<
  | 'patients.search'
  | 'patients.get'
  | 'patients.create'
  | 'patients.update'
  | 'patients.likelyDuplicates'
  | 'patients.duplicatePairs'
  | 'patients.merge'
  | 'patients.dismissDuplicatePair'
  | 'patients.undismissDuplicatePair'
> = {
  'patients.search': (r, { session, services }) => services.patients.search(session, r),
  'patients.get': (r, { session, services }) => services.patients.get(session, r.id),
  'patients.create': (r, { session, services }) => services.patients.create(session, r),
  'patients.update': (r, { session, services }) => services.patients.update(session, r),
  'patients.likelyDuplicates': (r, { session, services }) =>
    services.patientDuplicates.likely(session, r),
  'patients.duplicatePairs': (r, { session, services }) =>
    services.patientDuplicates.pairs(session, r),
  'patients.merge': (r, { session, services }) => services.patientMerge.merge(session, r),
  'patients.dismissDuplicatePair': (r, { session, services }) =>
    services.duplicateDismissals.dismiss(session, r),
  'patients.undismissDuplicatePair': (r, { session, services }) =>
    services.duplicateDismissals.undismiss(session, r),
};
