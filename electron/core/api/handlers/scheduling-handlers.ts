// doctors.*, schedule.*, appointments.*: the Schedule screens.
import type { CoreRuntime } from '../../app/core-runtime';
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

export function schedulingHandlers(rt: CoreRuntime): HandlerMap<SchedulingChannels> {
  const s = () => rt.requireSession();
  return {
    'doctors.list': () => s().services.schedule.listDoctors(s().session),
    'doctors.updateAvailability': (r) =>
      s().services.schedule.updateAvailability(s().session, r.doctorId, r.availability),
    'schedule.range': (r) => s().services.schedule.range(s().session, r),
    'schedule.freeSlots': (r) => s().services.schedule.freeSlots(s().session, r.doctorId, r),
    'schedule.icalExport': (r) => s().services.schedule.icalExport(s().session, r.doctorId, r),
    'appointments.book': (r) => s().services.appointments.book(s().session, r),
    'appointments.reschedule': (r) => s().services.appointments.reschedule(s().session, r),
    'appointments.cancel': (r) => s().services.appointments.cancel(s().session, r.id, r.reason),
    'appointments.setStatus': (r) =>
      s().services.appointments.setStatus(s().session, r.id, r.status),
    'appointments.updateNotes': (r) =>
      s().services.appointments.updateNotes(s().session, r.id, r.notes),
  };
}
