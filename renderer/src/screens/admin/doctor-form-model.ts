// The new-doctor form's values (strings, as typed) and the request they make:
// the fee typed in the clinic's currency (major units) becomes integer minor
// units, and what the schema cannot judge (an amount's format) is said here.
import type { FieldErrors } from '../../lib/validation';
import { emptyAccount, type AccountValues } from './AccountFields';
import { minorDigits, parseMajorUnits } from './money';

export interface DoctorFormValues extends AccountValues {
  specialty: string;
  licenseNumber: string;
  consultationFee: string;
  experienceYears: string;
}

export const emptyDoctorForm: DoctorFormValues = {
  ...emptyAccount,
  specialty: '',
  licenseNumber: '',
  consultationFee: '',
  experienceYears: '',
};

const wholeNumber = (text: string): number | undefined =>
  /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : undefined;

/** The raw NewDoctorRequest; an amount or a number that does not parse is left out ("Required"). */
export const doctorInput = (v: DoctorFormValues, currency: string) => ({
  ...v,
  consultationFee: parseMajorUnits(v.consultationFee, currency) ?? undefined,
  experienceYears: wholeNumber(v.experienceYears),
});

/** Typed but not an amount (or a number): say how to type it, rather than "Required". */
export function doctorProblems(v: DoctorFormValues, currency: string): FieldErrors {
  const problems: FieldErrors = {};
  if (v.consultationFee.trim() !== '' && parseMajorUnits(v.consultationFee, currency) === null) {
    const digits = minorDigits(currency);
    problems.consultationFee =
      digits === 0
        ? `Enter an amount in ${currency} without decimals`
        : `Enter an amount in ${currency}, like 85.${'0'.repeat(digits)}`;
  }
  if (v.experienceYears.trim() !== '' && wholeNumber(v.experienceYears) === undefined) {
    problems.experienceYears = 'Enter a whole number of years';
  }
  return problems;
}
