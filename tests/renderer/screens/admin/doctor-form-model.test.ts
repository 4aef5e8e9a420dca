// The new-doctor form: a fee typed in the clinic's currency becomes integer
// minor units (never through a float), and a fee or a number of years that is
// not one is explained in words the admin can act on.
import { describe, expect, it } from 'vitest';
import { NewDoctorRequest } from '../../../../shared/api/admin';
import { checkForm } from '../../../../renderer/src/lib/form-rules';
import {
  doctorInput,
  doctorProblems,
  emptyDoctorForm,
  type DoctorFormValues,
} from '../../../../renderer/src/screens/admin/doctor-form-model';

const values: DoctorFormValues = {
  displayName: 'Dr Lena Vos',
  email: 'lena@riverside.example',
  password: 'doctor-pass-123',
  specialty: 'Paediatrics',
  licenseNumber: 'NL-55012',
  consultationFee: '85.50',
  experienceYears: '9',
};
const check = (v: DoctorFormValues, currency: string) =>
  checkForm(
    {
      schema: NewDoctorRequest,
      toInput: (x: DoctorFormValues) => doctorInput(x, currency),
      check: (x: DoctorFormValues) => doctorProblems(x, currency),
    },
    v,
  );

describe('the new-doctor form', () => {
  it('sends the fee in minor units of the clinic’s currency', () => {
    expect(check(values, 'EUR')).toMatchObject({ ok: true, value: { consultationFee: 8550 } });
    expect(check({ ...values, consultationFee: '85.5' }, 'EUR')).toMatchObject({
      value: { consultationFee: 8550, experienceYears: 9 },
    });
    expect(check({ ...values, consultationFee: '8500' }, 'JPY')).toMatchObject({
      value: { consultationFee: 8500 },
    });
    expect(check({ ...values, consultationFee: '1.250' }, 'KWD')).toMatchObject({
      value: { consultationFee: 1250 },
    });
  });

  it('refuses more decimals than the currency has, saying how to type it', () => {
    const result = check({ ...values, consultationFee: '85.555' }, 'EUR');
    expect(result).toEqual({
      ok: false,
      errors: { consultationFee: 'Enter an amount in EUR, like 85.00' },
    });
    expect(check({ ...values, consultationFee: '85.5' }, 'JPY')).toEqual({
      ok: false,
      errors: { consultationFee: 'Enter an amount in JPY without decimals' },
    });
  });

  it('asks for years as a whole number', () => {
    expect(check({ ...values, experienceYears: 'nine' }, 'EUR')).toEqual({
      ok: false,
      errors: { experienceYears: 'Enter a whole number of years' },
    });
  });

  it('a blank form reports every required field with the core’s rules', () => {
    const result = check(emptyDoctorForm, 'EUR');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(
        [
          'consultationFee',
          'displayName',
          'email',
          'experienceYears',
          'licenseNumber',
          'password',
          'specialty',
        ].sort(),
      );
      expect(result.errors.displayName).toBe('Required');
    }
  });

  it('keeps the core’s own wording for a short password', () => {
    const result = check({ ...values, password: 'short' }, 'EUR');
    expect(result.ok ? null : result.errors.password).toBe('at least 10 characters');
  });
});
