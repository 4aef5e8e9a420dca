// The clinic's locale for every screen: one hook (useClinicFormat) and one
// reader for plain helpers (clinicLocale), both from the session store, which
// carries the profile the core sent (SessionInfo.tenant). The formatting
// itself is shared/format, the same functions the core's printed documents use;
// the browser's own locale is never consulted.
import { useMemo } from 'react';
import {
  DEFAULT_DATE_FORMAT,
  DEFAULT_TIME_FORMAT,
  DEFAULT_UNIT_SYSTEM,
  type ClinicLocale,
  type UnitSystem,
} from '../../../shared/domain/clinic-locale';
import {
  formatClock,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatMoney,
  formatTime,
  weekdayName,
} from '../../../shared/format';
import type { SessionInfo } from '../../../shared/api/session';
import { useSession } from './session-store';

/** Before anyone is logged in (first run, login): ISO dates, 24-hour time, UTC. */
const FALLBACK: ClinicLocale = {
  dateFormat: DEFAULT_DATE_FORMAT,
  timeFormat: DEFAULT_TIME_FORMAT,
  timeZone: 'UTC',
  currency: 'USD',
};

const localeOf = (session: SessionInfo | null): ClinicLocale =>
  session
    ? {
        dateFormat: session.tenant.dateFormat,
        timeFormat: session.tenant.timeFormat,
        timeZone: session.tenant.timeZone,
        currency: session.tenant.currency,
      }
    : FALLBACK;

/** The current clinic locale, for helpers outside components (their component re-renders with the session). */
export const clinicLocale = (): ClinicLocale => localeOf(useSession.getState().session);

export interface ClinicFormat {
  locale: ClinicLocale;
  /** A calendar date or the clinic-zone date of an instant: '02/12/2026'. */
  date(value: string | number): string;
  /** The clinic-zone time of an instant: '14:30' or '2:30 PM'. */
  time(value: string | number): string;
  dateTime(value: string | number): string;
  /** Minutes past local midnight as a clock time (the calendar's grid and blocks). */
  clock(minutes: number): string;
  /** A calendar date as 'Wed 02/12' (calendar columns). */
  shortDate(date: string): string;
  /** A calendar date as 'Wednesday 02/12/2026'. */
  longDate(date: string): string;
  /** Integer minor units in the clinic's currency: '£1,234.50'. */
  money(minor: number, currency?: string): string;
}

export function clinicFormat(locale: ClinicLocale): ClinicFormat {
  return {
    locale,
    date: (v) => formatDate(v, locale),
    time: (v) => formatTime(v, locale),
    dateTime: (v) => formatDateTime(v, locale),
    clock: (m) => formatClock(m, locale.timeFormat),
    shortDate: (d) => `${weekdayName(d, true)} ${formatDayMonth(d, locale.dateFormat)}`,
    longDate: (d) => `${weekdayName(d)} ${formatDate(d, locale)}`,
    money: (minor, currency) => formatMoney(minor, { currency: currency ?? locale.currency }),
  };
}

/** The formatters for the clinic's current locale; a component using it re-renders when it changes. */
export function useClinicFormat(): ClinicFormat {
  const dateFormat = useSession((s) => s.session?.tenant.dateFormat ?? FALLBACK.dateFormat);
  const timeFormat = useSession((s) => s.session?.tenant.timeFormat ?? FALLBACK.timeFormat);
  const timeZone = useSession((s) => s.session?.tenant.timeZone ?? FALLBACK.timeZone);
  const currency = useSession((s) => s.session?.tenant.currency ?? FALLBACK.currency);
  return useMemo(
    () => clinicFormat({ dateFormat, timeFormat, timeZone, currency }),
    [dateFormat, timeFormat, timeZone, currency],
  );
}

/** The units the clinic types and reads vitals in (metric until the session says otherwise). */
export function useUnitSystem(): UnitSystem {
  return useSession((s) => s.session?.tenant.unitSystem ?? DEFAULT_UNIT_SYSTEM);
}

/**
 * Minutes past midnight as the clinic writes a time, for the calendar's many
 * memoized blocks and slots: one subscription, to the time format only.
 */
export function useClock(): (minutes: number) => string {
  const timeFormat = useSession((s) => s.session?.tenant.timeFormat ?? FALLBACK.timeFormat);
  return useMemo(() => (m: number) => formatClock(m, timeFormat), [timeFormat]);
}
