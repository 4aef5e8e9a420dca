// The scheduling rules: pure functions over shared/domain types, runnable in
// the renderer, the core and the sync server alike.
export type { Interval } from './interval';
export { intersects } from './interval';
export {
  DAY_MS,
  MINUTE_MS,
  addDaysToDate,
  assertTimeZone,
  isoWeekdayOf,
  localDateOf,
  utcToZoned,
  zoneOffsetMs,
  zonedToUtc,
  type ZonedDateTime,
} from './zoned-time';
export { MAX_RANGE_DAYS, workingIntervals, type WorkingInterval } from './working-hours';
export { freeSlots, type FreeSlotsInput } from './slots';
export { blocksTime, isBlockingStatus, type TimedAppointment } from './blocking';
export {
  appointmentOverlaps,
  assertNoClash,
  findClash,
  type BookingCandidate,
  type Clash,
  type ClashKind,
  type OverlapConflict,
  type OwnedAppointment,
} from './overlaps';
export { assertTransition, canTransition, nextStatuses, transitionRefusal } from './transitions';
export { checkInRefusal } from './check-in';
export {
  doctorScheduleToICalendar,
  icalStatus,
  type DoctorScheduleInput,
  type ICalAppointment,
  type ICalStatus,
} from './ical';
export { escapeText, foldLine, formatUtc } from './ical-text';
