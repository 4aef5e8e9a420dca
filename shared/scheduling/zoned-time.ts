// Clinic wall-clock time <-> UTC instants, using only Intl (no date library),
// so the same rules run in the renderer, the core and the sync server.
//
// Local dates are plain 'YYYY-MM-DD' strings and times 'HH:MM', as stored in
// Availability. Instants are epoch milliseconds.
import { AppError } from '../errors';
import type { IsoWeekday } from '../domain/availability';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 for a local calendar date; throws on a malformed or impossible date. */
export function epochDayOf(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m)
    throw new AppError('VALIDATION_FAILED', `"${date}" is not a date in the form YYYY-MM-DD.`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  // Date.UTC silently rolls 2026-02-30 over to March: refuse it instead.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new AppError('VALIDATION_FAILED', `"${date}" is not a real calendar date.`);
  }
  return ms / DAY_MS;
}

/** The 'YYYY-MM-DD' date of a day number (inverse of epochDayOf). */
export function dateOfEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Minutes since local midnight for 'HH:MM'. */
export function minutesOfTime(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new AppError('VALIDATION_FAILED', `"${time}" is not a time in the form HH:MM.`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a local date. */
export function isoWeekdayOf(date: string): IsoWeekday {
  return isoWeekdayOfEpochDay(epochDayOf(date));
}

export function isoWeekdayOfEpochDay(day: number): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The local date `days` days after `date` (negative goes back). */
export function addDaysToDate(date: string, days: number): string {
  return dateOfEpochDay(epochDayOf(date) + days);
}

// Building a DateTimeFormat is slow; one per zone is enough.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new AppError('VALIDATION_FAILED', `"${timeZone}" is not a known time zone.`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws VALIDATION_FAILED unless the runtime knows this IANA zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall clock of `instant` in the zone, read back as if it were UTC ("local ms"). */
function wallClockMs(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        // Some engines print midnight as 24 even with h23.
        h = Number(p.value) % 24;
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      default:
        break;
    }
  }
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** The zone's UTC offset (ms, east positive) in force at `instant`. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

// Offsets probed a day either side of each local date. Slot searches convert
// many times on the same few dates for many doctors of one clinic, so caching
// the probes keeps Intl (several microseconds a call) off the hot path.
const probeCache = new Map<string, Map<number, number>>();
const PROBE_CACHE_LIMIT = 20_000;

function probeOffset(probe: number, timeZone: string): number {
  let zone = probeCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    probeCache.set(timeZone, zone);
  }
  let off = zone.get(probe);
  if (off === undefined) {
    if (zone.size >= PROBE_CACHE_LIMIT) zone.clear();
    off = zoneOffsetMs(probe, timeZone);
    zone.set(probe, off);
  }
  return off;
}

/**
 * The UTC instant of `minutes` past local midnight on local day `day`.
 * Daylight-saving rules: a time in a spring-forward gap moves forward by the
 * gap (02:30 becomes 03:30); a time repeated by a fall-back takes the earlier
 * of its two instants. Assumes at most one offset change within a day of the
 * date, which holds for every real zone.
 */
export function zonedMinutesToUtc(day: number, minutes: number, timeZone: string): number {
  const local = day * DAY_MS + minutes * MINUTE_MS;
  // Any offset is within +-14 h, so these probes lie outside the local day.
  const before = probeOffset((day - 1) * DAY_MS, timeZone);
  const after = probeOffset((day + 2) * DAY_MS, timeZone);
  if (before === after) return local - before;
  // An offset change near this date: keep the candidates that read back right.
  const earlier = local - Math.max(before, after);
  const later = local - Math.min(before, after);
  if (earlier + zoneOffsetMs(earlier, timeZone) === local) return earlier;
  if (later + zoneOffsetMs(later, timeZone) === local) return later;
  // Neither reads back: the time is in a gap. The offset before the change
  // puts it past the gap by exactly the gap's length.
  return local - before;
}

/** The UTC instant (epoch ms) of a clinic wall-clock date and time in an IANA zone. */
export function zonedToUtc(date: string, time: string, timeZone: string): number {
  return zonedMinutesToUtc(epochDayOf(date), minutesOfTime(time), timeZone);
}

export interface ZonedDateTime {
  /** Local date, 'YYYY-MM-DD'. */
  date: string;
  /** Local time, 'HH:MM' (seconds dropped). */
  time: string;
}

/** The clinic wall-clock date and time of a UTC instant. */
export function utcToZoned(instant: number, timeZone: string): ZonedDateTime {
  const iso = new Date(wallClockMs(instant, timeZone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The clinic's local date of a UTC instant. */
export function localDateOf(instant: number, timeZone: string): string {
  return utcToZoned(instant, timeZone).date;
}
