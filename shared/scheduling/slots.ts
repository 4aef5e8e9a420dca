// Bookable slots: the working time cut into slotMinutes pieces on each
// session's grid, minus every slot that any time-holding appointment touches.
// Sort + sweep, so the cost grows with slots + appointments, not their product.
import { AppError } from '../errors';
import type { Availability } from '../domain/availability';
import { blocksTime, intervalOf, type TimedAppointment } from './blocking';
import { mergeOverlapping, type Interval } from './interval';
import { workingIntervals } from './working-hours';
import { MINUTE_MS } from './zoned-time';

export interface FreeSlotsInput {
  availability: Availability;
  /** The clinic's IANA time zone, in which the availability's wall-clock times are kept. */
  timeZone: string;
  /** First local date, 'YYYY-MM-DD' (inclusive). */
  fromDate: string;
  /** Last local date, 'YYYY-MM-DD' (inclusive). */
  toDate: string;
  /** This doctor's appointments; cancelled, no-show and deleted ones are ignored. */
  appointments: readonly TimedAppointment[];
  /** Epoch ms; when given, slots starting before it are not offered. */
  now?: number;
}

/** Free slots, sorted by start, each exactly availability.slotMinutes long. */
export function freeSlots(input: FreeSlotsInput): Interval[] {
  const { availability, appointments, now } = input;
  const step = availability.slotMinutes * MINUTE_MS;
  if (!Number.isInteger(availability.slotMinutes) || availability.slotMinutes <= 0) {
    throw new AppError('VALIDATION_FAILED', 'The slot length must be a whole number of minutes.');
  }

  const busy: Interval[] = [];
  for (const a of appointments) if (blocksTime(a)) busy.push(intervalOf(a));
  // Disjoint and sorted, so both starts and ends ascend and one pointer suffices.
  const merged = mergeOverlapping(busy);

  const out: Interval[] = [];
  let j = 0;
  for (const w of workingIntervals(availability, input.timeZone, input.fromDate, input.toDate)) {
    // First grid point at or after the stretch's start.
    const offset = w.start - w.slotAnchor;
    let start = w.slotAnchor + Math.ceil(offset / step) * step;
    for (; start + step <= w.end; start += step) {
      const end = start + step;
      if (now !== undefined && start < now) continue;
      while (j < merged.length && (merged[j]?.end ?? 0) <= start) j++;
      const b = merged[j];
      if (b && b.start < end) continue;
      out.push({ start, end });
    }
  }
  return out;
}
