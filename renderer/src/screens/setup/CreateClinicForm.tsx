// Creates the clinic and its first admin, then signs that admin in. Validated
// with the core's own request schema; the core's field issues land on the same fields.
import { useState, type FormEvent } from 'react';
import { sessionChannels } from '../../../../shared/api/session';
import { ApiError, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { currencyOptions, defaultTimeZone, timeZoneOptions } from '../../lib/locale-options';
import { toFieldErrors, validate, type FieldErrors } from '../../lib/validation';
import { useSession } from '../../stores/session-store';

const schema = sessionChannels['setup.createClinic'].request;

export function CreateClinicForm() {
  const createClinic = useSession((s) => s.createClinic);
  const [zones] = useState(timeZoneOptions);
  const [currencies] = useState(currencyOptions);
  const [form, setForm] = useState({
    clinicName: '',
    timeZone: defaultTimeZone(),
    currency: 'USD',
    adminName: '',
    adminEmail: '',
    adminPassword: '',
  });
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (value: string) => setForm((f) => ({ ...f, [name]: value })),
    error: errors[name],
    name,
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const result = validate(schema, form);
    const next: FieldErrors = result.ok ? {} : { ...result.errors };
    if (confirm !== form.adminPassword) next.confirm = 'The two passwords do not match';
    setErrors(next);
    if (!result.ok || next.confirm) {
      setFailure('Please correct the highlighted fields.');
      return;
    }
    setBusy(true);
    try {
      await createClinic(result.value);
    } catch (err) {
      if (err instanceof ApiError) setErrors(toFieldErrors(err.issues));
      setFailure(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="create-clinic-title">
      <h2 id="create-clinic-title">Create your clinic</h2>
      <ErrorAlert message={failure} />
      <TextField label="Clinic name" autoComplete="organization" {...field('clinicName')} />
      <div className="form-row">
        <SelectField label="Time zone" options={zones} {...field('timeZone')} />
        <SelectField label="Currency" options={currencies} {...field('currency')} />
      </div>
      <fieldset>
        <legend>First administrator</legend>
        <TextField label="Full name" autoComplete="name" {...field('adminName')} />
        <TextField label="Email" type="email" autoComplete="username" {...field('adminEmail')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          {...field('adminPassword')}
        />
        <TextField
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={errors.confirm}
          name="confirm"
        />
      </fieldset>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Creating the clinic…' : 'Create clinic'}
      </button>
    </form>
  );
}
