// How the Duplicates section names and shows a patient's fields when an admin
// chooses, field by field, what the merged record keeps.
import type { MergeField } from '../../../../shared/api/patient-duplicates';
import type { Patient } from '../../../../shared/domain/patient';
import { bloodTypeLabel, formatDate, sexLabel } from '../../lib/format';

export const mergeFieldLabel: Record<MergeField, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  bloodType: 'Blood type',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  emergencyContact: 'Emergency contact',
  insuranceProvider: 'Insurance provider',
  insurancePolicyNumber: 'Policy number',
};

/** A field's value as people read it; '(none)' for an empty one. */
export function fieldText(field: MergeField, p: Partial<Patient>): string {
  const text = (() => {
    switch (field) {
      case 'dateOfBirth':
        return p.dateOfBirth ? formatDate(p.dateOfBirth) : '';
      case 'sex':
        return p.sex ? sexLabel(p.sex) : '';
      case 'bloodType':
        return p.bloodType ? bloodTypeLabel(p.bloodType) : '';
      case 'emergencyContact': {
        const c = p.emergencyContact;
        return c ? [c.name, c.relationship, c.phone].filter(Boolean).join(' · ') : '';
      }
      default:
        return p[field] ?? '';
    }
  })();
  return text === '' ? '(none)' : text;
}
