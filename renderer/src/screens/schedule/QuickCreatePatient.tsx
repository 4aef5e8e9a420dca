// Registering a new patient without leaving the booking: the five details the
// front desk has at hand; the rest can be filled in later on the Patients screen.
import { useState } from 'react';
import { PatientInput, type PatientSummary } from '../../../../shared/api/patients';
import { Sex } from '../../../../shared/domain/enums';
import { api, ApiError, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { sexLabel } from '../../lib/format';
import { toFieldErrors, validate, type FieldErrors } from '../../lib/validation';

interface Props {
  onCreated(p: PatientSummary): void;
}

const blank = { givenName: '', familyName: '', dateOfBirth: '', sex: 'unknown', phone: '' };

export function QuickCreatePatient({ onCreated }: Props) {
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof blank) => (value: string) =>
    setForm((f) => ({ ...f, [name]: value }));

  const create = async () => {
    const checked = validate(PatientInput, {
      ...form,
      bloodType: 'unknown',
      email: '',
      address: '',
      emergencyContact: null,
      insuranceProvider: '',
      insurancePolicyNumber: '',
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const p = await api('patients.create', checked.value);
      onCreated(p);
    } catch (e) {
      if (e instanceof ApiError) setErrors(toFieldErrors(e.issues));
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="quick-create">
      <legend>New patient</legend>
      <ErrorAlert message={failure} />
      <div className="form-row">
        <TextField
          label="Given name"
          value={form.givenName}
          onChange={field('givenName')}
          error={errors.givenName}
        />
        <TextField
          label="Family name"
          value={form.familyName}
          onChange={field('familyName')}
          error={errors.familyName}
        />
      </div>
      <div className="form-row">
        <TextField
          label="Date of birth"
          type="date"
          value={form.dateOfBirth}
          onChange={field('dateOfBirth')}
          error={errors.dateOfBirth}
        />
        <SelectField
          label="Sex"
          value={form.sex}
          onChange={field('sex')}
          options={Sex.options.map((s) => ({ value: s, label: sexLabel(s) }))}
        />
      </div>
      <TextField
        label="Phone"
        type="tel"
        value={form.phone}
        onChange={field('phone')}
        error={errors.phone}
      />
      <button type="button" className="button" disabled={busy} onClick={() => void create()}>
        Create patient
      </button>
    </fieldset>
  );
}
