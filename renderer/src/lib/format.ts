// How values are shown to people. Kept in one place so every screen agrees.
// Dates and times follow the clinic's profile (shared/format through
// stores/clinic-format.ts), never the browser's locale.
import type { BloodType, Role, Sex } from '../../../shared/domain/enums';
import {
  formatClock,
  formatDate as formatClinicDate,
  formatDateTime,
} from '../../../shared/format';
import { clinicLocale } from '../stores/clinic-format';

const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  doctor: 'Doctor',
  front_desk: 'Front desk',
  patient: 'Patient',
};
export const roleLabel = (role: Role): string => roleLabels[role];

const sexLabels: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not recorded',
};
export const sexLabel = (sex: Sex): string => sexLabels[sex];

export const bloodTypeLabel = (b: BloodType): string => (b === 'unknown' ? 'Unknown' : b);

/**
 * A calendar date (YYYY-MM-DD) in the clinic's date format, without any time-zone shift;
 * an instant (ISO text with a time) as its date in the clinic's time zone.
 */
export const formatDate = (date: string): string => formatClinicDate(date, clinicLocale());

/** An instant, shown in the clinic's time zone (or `timeZone`) and its date and time format. */
export const formatInstant = (iso: string, timeZone?: string): string =>
  formatDateTime(iso, { ...clinicLocale(), ...(timeZone ? { timeZone } : {}) });

/** A wall-clock 'HH:MM' value (a daily backup time) in the clinic's 12/24-hour format. */
export function formatTimeOfDay(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? formatClock(Number(m[1]) * 60 + Number(m[2]), clinicLocale().timeFormat) : hhmm;
}

/** A count with thousands grouped the same way on every machine: 12,345. */
export const formatCount = (n: number): string => new Intl.NumberFormat('en').format(n);
