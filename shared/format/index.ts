// The one place dates, times and money become text, for the renderer and for
// the core's printed documents alike. Every function takes the clinic's
// profile (shared/domain/clinic-locale.ts) and never consults the browser's or
// the machine's locale: a UK clinic sees 02/12/2026 and 14:30 everywhere.
// Instants are shown in the clinic's time zone (through shared/scheduling);
// calendar dates (a date of birth, YYYY-MM-DD) are never shifted.
export {
  formatCalendarDate,
  formatClock,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatTime,
  weekdayName,
} from './date-time';
export { parseCalendarDate } from './parse-date';
export { clockProblem, clockText, parseClock, storedClock, storedClockOf } from './clock';
export { currencyDigits, formatMoney, type MoneyDisplay } from './money';
export type { ClinicLocale } from '../domain/clinic-locale';
