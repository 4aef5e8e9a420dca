// A date of birth must be a real past date: not after today in the clinic's
// time zone (a patient "born" in 2099 is a typo), and not before 1900. The
// same rule runs in the form (inline message) and in the core.
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The problem with `dateOfBirth` (YYYY-MM-DD) given today's local date, or null. */
export function birthDateProblem(dateOfBirth: string, today: string): string | null {
  if (dateOfBirth > today) return 'cannot be in the future';
  if (dateOfBirth < EARLIEST_BIRTH_DATE) return 'must be 1900 or later';
  return null;
}
