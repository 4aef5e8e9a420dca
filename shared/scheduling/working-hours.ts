// A doctor's working time as UTC intervals, from weekly hours kept in the
// clinic's wall clock. Every rule is applied in local minutes first and only
// then converted, so a 09:00-17:00 session stays 09:00-17:00 on the days the
// clocks change (the day itself is 23 or 25 hours long).
import { AppError } from '../errors';
import type { Availability, AvailabilityException } from '../domain/availability';
import {
  assertTimeZone,
  epochDayOf,
  isoWeekdayOfEpochDay,
  minutesOfTime,
  zonedMinutesToUtc,
} from './zoned-time';
import { mergeOverlapping, subtractAll, type Interval } from './interval';

/** A stretch of working time, and where its session's slot grid starts. */
export interface WorkingInterval extends Interval {
  /**
   * Start of the session this stretch belongs to (epoch ms). Slots are laid
   * on a grid from here, so a break or partial time off removes slots without
   * shifting the ones after it off the usual times.
   */
  slotAnchor: number;
}

/** Longest range one call may cover: two years keeps any caller's work bounded. */
export const MAX_RANGE_DAYS = 731;

interface LocalSpan {
  start: number;
  end: number;
  slotAnchor: number;
}

const spanOf = (s: { start: string; end: string }): LocalSpan => {
  const start = minutesOfTime(s.start);
  return { start, end: minutesOfTime(s.end), slotAnchor: start };
};

/** Validates a local date range and returns its first and last day numbers. */
export function dayRange(fromDate: string, toDate: string): { first: number; last: number } {
  const first = epochDayOf(fromDate);
  const last = epochDayOf(toDate);
  if (last < first) {
    throw new AppError('VALIDATION_FAILED', 'The end date is before the start date.');
  }
  if (last - first + 1 > MAX_RANGE_DAYS) {
    throw new AppError('VALIDATION_FAILED', `A range can cover at most ${MAX_RANGE_DAYS} days.`);
  }
  return { first, last };
}

/** The local working spans (minutes since midnight) of one date. */
function localSpans(
  weekly: readonly LocalSpan[],
  breaks: readonly LocalSpan[],
  exceptions: readonly AvailabilityException[],
): LocalSpan[] {
  let wholeDayOff = false;
  const timeOff: LocalSpan[] = [];
  const extra: LocalSpan[] = [];
  for (const e of exceptions) {
    if (e.kind === 'extra') extra.push(spanOf(e.span));
    else if (e.span) timeOff.push(spanOf(e.span));
    else wholeDayOff = true;
  }
  const regular = wholeDayOff ? [] : subtractAll(mergeOverlapping(weekly), [...breaks, ...timeOff]);
  // Extra sessions come last on purpose: an admin adding hours on a day off
  // (or over a break) means to open exactly those hours.
  return mergeOverlapping([...regular, ...extra]);
}

/**
 * Sorted, non-overlapping UTC working intervals for each local date in
 * [fromDate, toDate] (inclusive): weekly sessions minus breaks minus time off,
 * plus extra sessions.
 */
export function workingIntervals(
  availability: Availability,
  timeZone: string,
  fromDate: string,
  toDate: string,
): WorkingInterval[] {
  assertTimeZone(timeZone);
  const { first, last } = dayRange(fromDate, toDate);

  const weeklyByDay: LocalSpan[][] = [[], [], [], [], [], [], [], []];
  const breaksByDay: LocalSpan[][] = [[], [], [], [], [], [], [], []];
  for (const s of availability.weekly) weeklyByDay[s.weekday]?.push(spanOf(s));
  for (const b of availability.breaks) breaksByDay[b.weekday]?.push(spanOf(b));
  const exceptionsByDay = new Map<number, AvailabilityException[]>();
  for (const e of availability.exceptions) {
    const day = epochDayOf(e.date);
    const list = exceptionsByDay.get(day);
    if (list) list.push(e);
    else exceptionsByDay.set(day, [e]);
  }

  const out: WorkingInterval[] = [];
  for (let day = first; day <= last; day++) {
    const weekday = isoWeekdayOfEpochDay(day);
    const exceptions = exceptionsByDay.get(day) ?? [];
    const spans = localSpans(weeklyByDay[weekday] ?? [], breaksByDay[weekday] ?? [], exceptions);
    for (const s of spans) {
      out.push({
        start: zonedMinutesToUtc(day, s.start, timeZone),
        end: zonedMinutesToUtc(day, s.end, timeZone),
        slotAnchor: zonedMinutesToUtc(day, s.slotAnchor, timeZone),
      });
    }
  }
  // Times in a spring-forward gap move forward, so on that one day converted
  // spans can overlap or come out empty: merge once more in UTC.
  return mergeOverlapping(out);
}
