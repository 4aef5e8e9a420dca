// Clinic wall-clock helpers for the calendar. Every time shown or typed is in
// the clinic's time zone (never the browser's), through shared/scheduling.
import {
  DAY_MS,
  MINUTE_MS,
  utcToZoned,
  zoneOffsetMs,
  zonedToUtc,
} from '../../../../shared/scheduling';
import { formatTime } from '../../../../shared/format';
import { clinicFormat, clinicLocale } from '../../stores/clinic-format';

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

/** 'HH:MM' for minutes past midnight: a value for the core (shown through useClock). */
export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** 'HH:MM' of an instant in the clinic's zone: a value (shown through clockTimeOf). */
export const timeOf = (instant: number, timeZone: string): string =>
  utcToZoned(instant, timeZone).time;

/** The UTC ISO timestamp the core wants for a clinic wall-clock date and time. */
export const isoOf = (date: string, time: string, timeZone: string): string =>
  new Date(zonedToUtc(date, time, timeZone)).toISOString();

/** An instant's clinic wall-clock time as the clinic writes it: '14:30' or '2:30 PM'. */
export const clockTimeOf = (instant: number, timeZone: string): string =>
  formatTime(instant, { ...clinicLocale(), timeZone });

/** A local date as 'Wed 02/12' in the clinic's date format (for calendar columns). */
export const shortDate = (date: string): string => clinicFormat(clinicLocale()).shortDate(date);
/** A local date as 'Wednesday 02/12/2026'. */
export const longDate = (date: string): string => clinicFormat(clinicLocale()).longDate(date);
