// Every PatientInput field, grouped the way a registration form is read:
// who, how to reach them, whom to call, who pays.
import { BloodType, Sex } from '../../../../shared/domain/enums';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { DateField } from '../../components/DateField';
import { bloodTypeLabel, sexLabel } from '../../lib/format';
import type { FieldProps } from '../../lib/useSchemaForm';
import type { FieldErrors } from '../../lib/validation';
import type { PatientFormField } from './patient-form-model';

const sexOptions = Sex.options.map((s) => ({ value: s, label: sexLabel(s) }));
const bloodOptions = BloodType.options.map((b) => ({ value: b, label: bloodTypeLabel(b) }));

interface Props {
  field(name: PatientFormField): FieldProps;
  errors: FieldErrors;
}

export function PatientFormFields({ field: bind, errors }: Props) {
  // A contact-level issue (e.g. "required") is shown on the contact's name.
  const contactError = errors.emergencyContact;

  return (
    <>
      <fieldset>
        <legend>Patient</legend>
        <div className="form-row">
          <TextField label="Given name" autoComplete="off" {...bind('givenName')} />
          <TextField label="Family name" autoComplete="off" {...bind('familyName')} />
        </div>
        <div className="form-row form-row--three">
          <DateField label="Date of birth" {...bind('dateOfBirth')} />
          <SelectField label="Sex" options={sexOptions} {...bind('sex')} />
          <SelectField label="Blood type" options={bloodOptions} {...bind('bloodType')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>Contact</legend>
        <div className="form-row">
          <TextField label="Phone" type="tel" autoComplete="off" {...bind('phone')} />
          <TextField label="Email" type="email" autoComplete="off" {...bind('email')} />
        </div>
        <TextField label="Address" autoComplete="off" {...bind('address')} />
      </fieldset>
      <fieldset>
        <legend>Emergency contact (optional)</legend>
        <p className="field__hint">Leave all three empty if there is none.</p>
        <div className="form-row form-row--three">
          <TextField
            label="Contact name"
            autoComplete="off"
            {...bind('emergencyContact.name')}
            error={errors['emergencyContact.name'] ?? contactError}
          />
          <TextField
            label="Contact phone"
            type="tel"
            autoComplete="off"
            {...bind('emergencyContact.phone')}
          />
          <TextField
            label="Relationship"
            autoComplete="off"
            {...bind('emergencyContact.relationship')}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Insurance</legend>
        <div className="form-row">
          <TextField label="Insurance provider" autoComplete="off" {...bind('insuranceProvider')} />
          <TextField label="Policy number" autoComplete="off" {...bind('insurancePolicyNumber')} />
        </div>
      </fieldset>
    </>
  );
}
