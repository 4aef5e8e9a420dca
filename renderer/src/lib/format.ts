// How values are shown to people. Kept in one place so every screen agrees.
import type { BloodType, Role, Sex } from '../../../shared/domain/enums';

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

/** A calendar date (YYYY-MM-DD) in the user's locale, without any time-zone shift. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** An instant, shown in the clinic's time zone. */
export function formatInstant(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

export const formatCount = (n: number): string => new Intl.NumberFormat().format(n);
