// Clinic wall-clock helpers for the calendar. Every time shown or typed is in
// the clinic's time zone (never the browser's), through shared/scheduling.
import {
  DAY_MS,
  MINUTE_MS,
  utcToZoned,
  zoneOffsetMs,
  zonedToUtc,
} from '../../../../shared/scheduling';

// Zone offsets only change on quarter-hour boundaries in every real zone, so
// one Intl lookup per quarter hour serves every appointment starting in it:
// a 1,000-appointment week costs a few hundred lookups, not thousands.
const QUARTER_MS = 15 * MINUTE_MS;
const offsets = new Map<string, number>();

function offsetAt(instant: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant / QUARTER_MS)}`;
  let off = offsets.get(key);
  if (off === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    off = zoneOffsetMs(instant, timeZone);
    offsets.set(key, off);
  }
  return off;
}

/** The clinic's local date and minutes past local midnight of an instant. */
export function localParts(instant: number, timeZone: string): { date: string; minutes: number } {
  const local = instant + offsetAt(instant, timeZone);
  const day = Math.floor(local / DAY_MS);
  return {
    date: new Date(day * DAY_MS).toISOString().slice(0, 10),
    minutes: Math.floor((local - day * DAY_MS) / MINUTE_MS),
  };
}

/** Minutes past local midnight of an instant, in the clinic's zone. */
export const localMinutes = (instant: number, timeZone: string): number =>
  localParts(instant, timeZone).minutes;

/** 'HH:MM' for minutes past midnight. */
export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** 'HH:MM' of an instant in the clinic's zone. */
export const timeOf = (instant: number, timeZone: string): string =>
  utcToZoned(instant, timeZone).time;

/** The UTC ISO timestamp the core wants for a clinic wall-clock date and time. */
export const isoOf = (date: string, time: string, timeZone: string): string =>
  new Date(zonedToUtc(date, time, timeZone)).toISOString();

const weekdayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const longFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A local date as 'Mon 3 Mar' (the date is a calendar date, so read it as UTC). */
export const shortDate = (date: string): string => weekdayFormat.format(Date.parse(date));
export const longDate = (date: string): string => longFormat.format(Date.parse(date));
