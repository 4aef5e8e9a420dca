// A doctor's availability (Doctors.Availability): weekly hours in the clinic's
// time zone, breaks, a slot length, and dated exceptions. Wall-clock times are
// kept as HH:MM in the clinic's zone so a daylight-saving change never moves them.
import { z } from 'zod';
import { CalendarDate, TimeOfDay } from './primitives';

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export const IsoWeekday = z.number().int().min(1).max(7);
export type IsoWeekday = z.infer<typeof IsoWeekday>;

const span = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .refine((s) => s.start < s.end, { message: 'end must be after start', path: ['end'] });

export const WeeklySession = z
  .object({ weekday: IsoWeekday, start: TimeOfDay, end: TimeOfDay })
  .refine((s) => s.start < s.end, { message: 'end must be after start', path: ['end'] });
export type WeeklySession = z.infer<typeof WeeklySession>;

export const AvailabilityException = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('time_off'),
    date: CalendarDate,
    /** Omitted: the whole day is off. */
    span: span.optional(),
    reason: z.string().max(200).optional(),
  }),
  z.object({
    kind: z.literal('extra'),
    date: CalendarDate,
    span,
    reason: z.string().max(200).optional(),
  }),
]);
export type AvailabilityException = z.infer<typeof AvailabilityException>;

export const Availability = z.object({
  slotMinutes: z.number().int().min(5).max(240),
  weekly: z.array(WeeklySession).max(50),
  breaks: z.array(WeeklySession).max(50),
  exceptions: z.array(AvailabilityException).max(500),
});
export type Availability = z.infer<typeof Availability>;

export const emptyAvailability: Availability = {
  slotMinutes: 15,
  weekly: [],
  breaks: [],
  exceptions: [],
};
