// How values are shown to people. Kept in one place so every screen agrees.
import type { BloodType, Role, Sex } from '../../../shared/domain/enums';

export function roleLabel(role: Role): string {
  switch (role) {
    case 'admin':
      return 'Administrator';
    case 'doctor':
      return 'Doctor';
    case 'front_desk':
      return 'Front desk';
    case 'patient':
      return 'Patient';
  }
}

export function sexLabel(sex: Sex): string {
  switch (sex) {
    case 'female':
      return 'Female';
    case 'male':
      return 'Male';
    case 'other':
      return 'Other';
    case 'unknown':
      return 'Not recorded';
  }
}

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
