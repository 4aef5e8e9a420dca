// How a clinic writes dates, times and money: part of its profile (the tenant
// row), so every workstation and every printed document shows the same thing
// whatever the browser's or the machine's own locale is.
import { z } from 'zod';

/** The date orders a clinic can choose; the value is the pattern shown to people. */
export const DateFormat = z.enum(['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'], {
  error: 'Choose one of the offered date formats.',
});
export type DateFormat = z.infer<typeof DateFormat>;

export const TimeFormat = z.enum(['24h', '12h'], { error: 'Choose 24-hour or 12-hour time.' });
export type TimeFormat = z.infer<typeof TimeFormat>;

/**
 * The units the clinic's staff type and read vitals in (migration 014). Vitals
 * are stored in metric whatever this says, plus the value as typed
 * (shared/charting/units.ts), so switching it never changes a recorded value.
 */
export const UnitSystem = z.enum(['metric', 'imperial'], {
  error: 'Choose metric or imperial units.',
});
export type UnitSystem = z.infer<typeof UnitSystem>;
export const DEFAULT_UNIT_SYSTEM: UnitSystem = 'metric';

/** A new clinic's, and every clinic's before it chose one (migration 009). */
export const DEFAULT_DATE_FORMAT: DateFormat = 'YYYY-MM-DD';
export const DEFAULT_TIME_FORMAT: TimeFormat = '24h';

/** What the formatting functions (shared/format) need of a clinic's profile. */
export interface ClinicLocale {
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
  /** IANA zone in which instants are shown. */
  timeZone: string;
  /** ISO 4217 code money is shown in. */
  currency: string;
}

/** A clinic phone number as people write it: digits with spaces, dashes, dots, brackets, a leading +. */
export const ClinicPhone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ().-]{3,}$/, 'Enter a phone number such as +44 20 7946 0000.');

/** The locale part of a clinic's profile (a tenant row, or the session's tenant). */
export const clinicLocaleOf = (t: ClinicLocale): ClinicLocale => ({
  dateFormat: t.dateFormat,
  timeFormat: t.timeFormat,
  timeZone: t.timeZone,
  currency: t.currency,
});
