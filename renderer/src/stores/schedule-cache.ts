// The Schedule screen's memory of fetched weeks: a few ISO weeks of
// `schedule.range` answers, so switching Day and Week, or stepping through a
// week's days, needs no round trip. An answer for all doctors serves any one
// of them too (the calendar shows only the chosen doctor's columns).
import type { AppointmentView } from '../../../shared/api/scheduling';
import type { Interval } from '../../../shared/scheduling';

/** One fetched week (Monday to Sunday) for one doctor or all of them. */
export interface CachedWeek {
  fromDate: string;
  toDate: string;
  doctor: string;
  appointments: AppointmentView[];
  workingHours: Record<string, Interval[]>;
  /** When it arrived (epoch ms). */
  fetchedAt: number;
}

/** Weeks kept: the one shown and a few either side of it. */
const KEEP = 6;

/** The best entry for a week: the chosen doctor's own, else all doctors'. */
export function cachedWeek(
  cache: readonly CachedWeek[],
  week: { fromDate: string; toDate: string },
  doctor: string,
): CachedWeek | null {
  const same = cache.filter((c) => c.fromDate === week.fromDate && c.toDate === week.toDate);
  return same.find((c) => c.doctor === doctor) ?? same.find((c) => c.doctor === 'all') ?? null;
}

/** The cache with `entry` first, replacing the same week and doctor, trimmed to KEEP. */
export function remember(cache: readonly CachedWeek[], entry: CachedWeek): CachedWeek[] {
  const others = cache.filter((c) => !(c.fromDate === entry.fromDate && c.doctor === entry.doctor));
  return [entry, ...others].slice(0, KEEP);
}
