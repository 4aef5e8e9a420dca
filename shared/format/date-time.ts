// Dates and times in the clinic's format. English weekday names only: the app's
// text is English, and names must not change with the browser.
import type { ClinicLocale, DateFormat, TimeFormat } from '../domain/clinic-locale';
import { utcToZoned } from '../scheduling/zoned-time';

type Instant = string | number | Date;

const toMillis = (value: Instant): number =>
  typeof value === 'number'
    ? value
    : typeof value === 'string'
      ? Date.parse(value)
      : value.getTime();

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) in the chosen order; text that is not one comes back unchanged. */
export function formatCalendarDate(date: string, dateFormat: DateFormat): string {
  const m = CALENDAR_DATE.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  switch (dateFormat) {
    case 'YYYY-MM-DD':
      return `${y}-${mo}-${d}`;
    case 'DD/MM/YYYY':
      return `${d}/${mo}/${y}`;
    case 'MM/DD/YYYY':
      return `${mo}/${d}/${y}`;
    case 'DD.MM.YYYY':
      return `${d}.${mo}.${y}`;
  }
}

/** Day and month only (calendar column headings), in the chosen order. */
export function formatDayMonth(date: string, dateFormat: DateFormat): string {
  const m = CALENDAR_DATE.exec(date);
  if (!m) return date;
  const [, , mo, d] = m as unknown as [string, string, string, string];
  switch (dateFormat) {
    case 'YYYY-MM-DD':
      return `${mo}-${d}`;
    case 'DD/MM/YYYY':
      return `${d}/${mo}`;
    case 'MM/DD/YYYY':
      return `${mo}/${d}`;
    case 'DD.MM.YYYY':
      return `${d}.${mo}.`;
  }
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The weekday of a calendar date: 'Wednesday', or 'Wed' when short. */
export function weekdayName(date: string, short = false): string {
  const name = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
  return short ? name.slice(0, 3) : name;
}

/** Minutes past midnight as a wall-clock time: '14:30', or '2:30 PM'. */
export function formatClock(minutes: number, timeFormat: TimeFormat): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = String(minutes % 60).padStart(2, '0');
  switch (timeFormat) {
    case '24h':
      return `${String(h).padStart(2, '0')}:${m}`;
    case '12h':
      // 00:xx is 12:xx AM (midnight), 12:xx is 12:xx PM (noon).
      return `${h % 12 === 0 ? 12 : h % 12}:${m} ${h < 12 ? 'AM' : 'PM'}`;
  }
}

/**
 * The date of a value in the clinic's format: a calendar date as it is, an
 * instant (ISO text, epoch milliseconds or a Date) as its date in the clinic's
 * time zone.
 */
export function formatDate(value: Instant, locale: ClinicLocale): string {
  if (typeof value === 'string' && CALENDAR_DATE.test(value))
    return formatCalendarDate(value, locale.dateFormat);
  const ms = toMillis(value);
  if (Number.isNaN(ms)) return String(value);
  return formatCalendarDate(utcToZoned(ms, locale.timeZone).date, locale.dateFormat);
}

/** The wall-clock time of an instant in the clinic's time zone. */
export function formatTime(value: Instant, locale: ClinicLocale): string {
  const ms = toMillis(value);
  if (Number.isNaN(ms)) return String(value);
  const time = utcToZoned(ms, locale.timeZone).time;
  return formatClock(Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)), locale.timeFormat);
}

/** Date and time of an instant in the clinic's time zone: '02/12/2026 14:30'. */
export function formatDateTime(value: Instant, locale: ClinicLocale): string {
  const ms = toMillis(value);
  if (Number.isNaN(ms)) return String(value);
  return `${formatDate(ms, locale)} ${formatTime(ms, locale)}`;
}
