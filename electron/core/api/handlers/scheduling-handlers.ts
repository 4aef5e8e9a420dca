// doctors.*, schedule.*, appointments.*: the Schedule screens.
import type { HandlerMap } from '../handler-types';

type SchedulingChannels =
  | 'doctors.list'
  | 'doctors.updateAvailability'
  | 'schedule.range'
  | 'schedule.freeSlots'
  | 'schedule.icalExport'
  | 'appointments.book'
  | 'appointments.reschedule'
  | 'appointments.cancel'
  | 'appointments.setStatus'
  | 'appointments.updateNotes';

export const schedulingHandlers: HandlerMap<SchedulingChannels> = {
  'doctors.list': (_r, { session, services }) => services.schedule.listDoctors(session),
  'doctors.updateAvailability': (r, { session, services }) =>
    services.schedule.updateAvailability(session, r),
  'schedule.range': (r, { session, services }) => services.schedule.range(session, r),
  'schedule.freeSlots': (r, { session, services }) => services.schedule.freeSlots(session, r),
  'schedule.icalExport': (r, { session, services }) => services.schedule.icalExport(session, r),
  'appointments.book': (r, { session, services }) => services.appointments.book(session, r),
  'appointments.reschedule': (r, { session, services }) =>
    services.appointments.reschedule(session, r),
  'appointments.cancel': (r, { session, services }) => services.appointments.cancel(session, r),
  'appointments.setStatus': (r, { session, services }) =>
    services.appointments.setStatus(session, r),
  'appointments.updateNotes': (r, { session, services }) =>
    services.appointments.updateNotes(session, r),
};
