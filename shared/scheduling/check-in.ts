// Check-in is for today's appointments only, "today" in the clinic's time
// zone: a patient cannot be checked in a day early (or late). The renderer
// shows the button only when this holds; the core refuses otherwise.
import { localDateOf } from './zoned-time';

export function checkInRefusal(scheduledAt: string, now: number, timeZone: string): string | null {
  const day = localDateOf(Date.parse(scheduledAt), timeZone);
  const today = localDateOf(now, timeZone);
  if (day === today) return null;
  return day > today
    ? `Only today's appointments can be checked in; this one is on ${day}.`
    : `Only today's appointments can be checked in; this one was on ${day}.`;
}
