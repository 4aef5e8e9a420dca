// Adds a doctor: their login and profile. The fee is typed in the clinic's
// currency (major units) and sent as integer minor units. Their hours are set
// afterwards in the Schedule screen's hours editor.
import { NewDoctorRequest, type StaffMember } from '../../../../shared/api/admin';
import { api } from '../../api/client';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { AccountFields } from './AccountFields';
import { AdminForm } from './AdminForm';
import { doctorInput, doctorProblems, emptyDoctorForm } from './doctor-form-model';

interface Props {
  currency: string;
  onCreated(member: StaffMember): void;
  onCancel(): void;
}

export function NewDoctorForm({ currency, onCreated, onCancel }: Props) {
  const form = useSchemaForm({
    initial: emptyDoctorForm,
    schema: NewDoctorRequest,
    toInput: (v) => doctorInput(v, currency),
    check: (v) => doctorProblems(v, currency),
    send: (request) => api('doctors.create', request),
    onDone: onCreated,
  });
  return (
    <AdminForm title="New doctor" form={form} submitLabel="Create doctor" onCancel={onCancel}>
      <AccountFields field={form.field} />
      <div className="form-row">
        <TextField label="Specialty" {...form.field('specialty')} />
        <TextField label="Licence number" {...form.field('licenseNumber')} />
      </div>
      <div className="form-row">
        <TextField
          label={`Consultation fee (${currency})`}
          inputMode="decimal"
          {...form.field('consultationFee')}
        />
        <TextField
          label="Years of experience"
          inputMode="numeric"
          {...form.field('experienceYears')}
        />
      </div>
      <p className="field__hint">Set their working hours afterwards with “Edit hours”.</p>
    </AdminForm>
  );
}
