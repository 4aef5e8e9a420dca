// The patient form's values (all strings, as inputs hold them) and their
// conversion to and from PatientInput. Field names are the schema's paths, so
// zod's issues and the core's issues land on the right input unchanged.
import type { PatientInput } from '../../../../shared/api/patients';
import type { Patient } from '../../../../shared/domain/patient';

export interface PatientFormValues {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  bloodType: string;
  phone: string;
  email: string;
  address: string;
  'emergencyContact.name': string;
  'emergencyContact.phone': string;
  'emergencyContact.relationship': string;
  insuranceProvider: string;
  insurancePolicyNumber: string;
}
export type PatientFormField = keyof PatientFormValues;

export const emptyPatientForm: PatientFormValues = {
  givenName: '',
  familyName: '',
  dateOfBirth: '',
  sex: 'unknown',
  bloodType: 'unknown',
  phone: '',
  email: '',
  address: '',
  'emergencyContact.name': '',
  'emergencyContact.phone': '',
  'emergencyContact.relationship': '',
  insuranceProvider: '',
  insurancePolicyNumber: '',
};

export function formFromPatient(p: Patient): PatientFormValues {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    bloodType: p.bloodType,
    phone: p.phone,
    email: p.email,
    address: p.address,
    'emergencyContact.name': p.emergencyContact?.name ?? '',
    'emergencyContact.phone': p.emergencyContact?.phone ?? '',
    'emergencyContact.relationship': p.emergencyContact?.relationship ?? '',
    insuranceProvider: p.insuranceProvider,
    insurancePolicyNumber: p.insurancePolicyNumber,
  };
}

/**
 * The raw object to validate with PatientInput. The emergency contact is
 * optional as a whole: all three fields blank means "none", anything typed
 * means the contact must be complete.
 */
export function inputFromForm(v: PatientFormValues): Record<keyof PatientInput, unknown> {
  const contact = [
    v['emergencyContact.name'],
    v['emergencyContact.phone'],
    v['emergencyContact.relationship'],
  ];
  const hasContact = contact.some((s) => s.trim() !== '');
  return {
    givenName: v.givenName,
    familyName: v.familyName,
    dateOfBirth: v.dateOfBirth,
    sex: v.sex,
    bloodType: v.bloodType,
    phone: v.phone,
    email: v.email.trim(),
    address: v.address,
    emergencyContact: hasContact
      ? {
          name: v['emergencyContact.name'],
          phone: v['emergencyContact.phone'],
          relationship: v['emergencyContact.relationship'],
        }
      : null,
    insuranceProvider: v.insuranceProvider,
    insurancePolicyNumber: v.insurancePolicyNumber,
  };
}

/** The message above a refused form: how many fields need correcting. */
export function correctPatientFields(errors: Readonly<Record<string, string>>): string {
  const count = Object.keys(errors).length;
  return `Please correct ${count === 1 ? '1 field' : `${count} fields`} below.`;
}
