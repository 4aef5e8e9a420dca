// Check-in is for today's appointments only, "today" in the clinic's time
// zone: a patient cannot be checked in a day early (or late). The renderer
// shows the button only when this holds; the core refuses otherwise.
import { localDateOf } from './zoned-time';

/** Why an appointment at `scheduledAt` cannot be checked in on the clinic's `today` (YYYY-MM-DD), or null. */
export function checkInRefusal(
  scheduledAt: string,
  today: string,
  timeZone: string,
): string | null {
  const day = localDateOf(Date.parse(scheduledAt), timeZone);
  if (day === today) return null;
  return day > today
    ? `Only today's appointments can be checked in; this one is on ${day}.`
    : `Only today's appointments can be checked in; this one was on ${day}.`;
}
