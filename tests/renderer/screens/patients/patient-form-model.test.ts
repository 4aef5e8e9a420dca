// The patient form's rules as the front desk meets them: what a blank or half
// filled form is told, field by field, with the core's own PatientInput schema.
import { describe, expect, it } from 'vitest';
import { PatientInput } from '../../../../shared/api/patients';
import type { Patient } from '../../../../shared/domain/patient';
import { checkForm } from '../../../../renderer/src/lib/form-rules';
import {
  correctPatientFields,
  emptyPatientForm,
  formFromPatient,
  inputFromForm,
  type PatientFormValues,
} from '../../../../renderer/src/screens/patients/patient-form-model';

const rules = { schema: PatientInput, toInput: inputFromForm };
const check = (v: PatientFormValues) => checkForm(rules, v);
const filled: PatientFormValues = {
  ...emptyPatientForm,
  givenName: 'Amara',
  familyName: 'Lindqvist',
  dateOfBirth: '1984-03-09',
  sex: 'female',
};

describe('the patient form', () => {
  it('a blank form needs the three fields a registration cannot do without', () => {
    const result = check(emptyPatientForm);
    expect(result).toEqual({
      ok: false,
      errors: { givenName: 'Required', familyName: 'Required', dateOfBirth: 'Required' },
    });
    if (!result.ok)
      expect(correctPatientFields(result.errors)).toBe('Please correct 3 fields below.');
  });

  it('says one field in the singular', () => {
    expect(correctPatientFields({ givenName: 'Required' })).toBe('Please correct 1 field below.');
  });

  it('names, date of birth and sex are enough; an empty emergency contact means none', () => {
    const result = check(filled);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.emergencyContact).toBeNull();
  });

  it('a contact with only a name is refused: a contact must have a phone', () => {
    const result = check({ ...filled, 'emergencyContact.name': 'Jonas Lindqvist' });
    expect(result).toEqual({ ok: false, errors: { 'emergencyContact.phone': 'Required' } });
  });

  it('explains an email that is not one, and ignores spaces around it', () => {
    const bad = check({ ...filled, email: 'amara.at.example' });
    expect(bad.ok ? null : bad.errors.email).toBe('Enter an email address like name@example.com');
    const good = check({ ...filled, email: '  amara@example.org ' });
    expect(good.ok && good.value.email).toBe('amara@example.org');
  });

  it('turns a stored patient back into the same form values', () => {
    const patient: Patient = {
      id: '0f6e1c9a-3b1d-4e0b-9a51-2c3d4e5f6a7b',
      tenantId: '1f6e1c9a-3b1d-4e0b-9a51-2c3d4e5f6a7b',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      deletedAt: null,
      userId: null,
      medicalRecordNumber: 'ABCD-000001',
      givenName: 'Amara',
      familyName: 'Lindqvist',
      dateOfBirth: '1984-03-09',
      sex: 'female',
      bloodType: 'O+',
      phone: '+31 20 555 0142',
      email: 'amara@example.org',
      address: 'Keizersgracht 12',
      emergencyContact: { name: 'Jonas', phone: '+31 6 1234 5678', relationship: 'Husband' },
      insuranceProvider: 'Zilveren Kruis',
      insurancePolicyNumber: 'ZK-448812',
      mergedInto: null,
      sensitivity: 'none',
    };
    const values = formFromPatient(patient);
    expect(values['emergencyContact.relationship']).toBe('Husband');
    const result = check(values);
    expect(result.ok && result.value.emergencyContact).toEqual(patient.emergencyContact);
  });
});
