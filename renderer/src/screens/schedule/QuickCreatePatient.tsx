// Registering a new patient without leaving the booking: the five details the
// front desk has at hand; the rest can be filled in later on the Patients screen.
import { PatientInput, type PatientSummary } from '../../../../shared/api/patients';
import { Sex } from '../../../../shared/domain/enums';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { DateField } from '../../components/DateField';
import { sexLabel } from '../../lib/format';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { SubmitButton } from '../../components/SubmitButton';

interface Props {
  onCreated(p: PatientSummary): void;
}

const sexOptions = Sex.options.map((s) => ({ value: s, label: sexLabel(s) }));

export function QuickCreatePatient({ onCreated }: Props) {
  const form = useSchemaForm({
    initial: { givenName: '', familyName: '', dateOfBirth: '', sex: 'unknown', phone: '' },
    schema: PatientInput,
    toInput: (v) => ({
      ...v,
      bloodType: 'unknown',
      email: '',
      address: '',
      emergencyContact: null,
      insuranceProvider: '',
      insurancePolicyNumber: '',
    }),
    // Inside the booking panel the fields say what is missing; no second alert.
    refusal: () => null,
    send: (input) => api('patients.create', input),
    onDone: onCreated,
  });

  return (
    <fieldset className="quick-create" id={form.id}>
      <legend>New patient</legend>
      <ErrorAlert message={form.failure?.message ?? null} />
      <div className="form-row">
        <TextField label="Given name" {...form.field('givenName')} />
        <TextField label="Family name" {...form.field('familyName')} />
      </div>
      <div className="form-row">
        <DateField label="Date of birth" {...form.field('dateOfBirth')} />
        <SelectField label="Sex" options={sexOptions} {...form.field('sex')} />
      </div>
      <TextField label="Phone" type="tel" {...form.field('phone')} />
      <SubmitButton form={form} type="button" variant="plain">
        Create patient
      </SubmitButton>
    </fieldset>
  );
}
