// Adds a doctor: their login and profile. The fee is typed in the clinic's
// currency (major units) and sent as integer minor units. Their hours are set
// afterwards in the Schedule screen's hours editor.
import type { FormEvent } from 'react';
import { NewDoctorRequest, type StaffMember } from '../../../../shared/api/admin';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { minorDigits, parseMajorUnits } from './money';
import { useSchemaForm } from './useSchemaForm';

interface Props {
  currency: string;
  onCreated(member: StaffMember): void;
  onCancel(): void;
}

const wholeNumber = (text: string): number | undefined =>
  /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : undefined;

export function NewDoctorForm({ currency, onCreated, onCancel }: Props) {
  const { form, field, failure, busy, submit } = useSchemaForm(
    {
      displayName: '',
      email: '',
      password: '',
      specialty: '',
      licenseNumber: '',
      consultationFee: '',
      experienceYears: '',
    },
    NewDoctorRequest,
    (r) => api('doctors.create', r),
    onCreated,
  );
  const digits = minorDigits(currency);

  const send = (e: FormEvent) => {
    e.preventDefault();
    const fee = parseMajorUnits(form.consultationFee, currency);
    const years = wholeNumber(form.experienceYears);
    void submit(
      { ...form, consultationFee: fee ?? undefined, experienceYears: years },
      {
        ...(fee === null && form.consultationFee.trim() !== ''
          ? {
              consultationFee:
                digits === 0
                  ? `Enter an amount in ${currency} without decimals`
                  : `Enter an amount in ${currency}, like 85.${'0'.repeat(digits)}`,
            }
          : {}),
        ...(years === undefined && form.experienceYears.trim() !== ''
          ? { experienceYears: 'Enter a whole number of years' }
          : {}),
      },
    );
  };

  return (
    <form className="panel admin-form" onSubmit={send} noValidate aria-label="New doctor">
      <h3>New doctor</h3>
      <ErrorAlert message={failure} />
      <TextField label="Full name" autoComplete="off" autoFocus {...field('displayName')} />
      <TextField label="Email" type="email" autoComplete="off" {...field('email')} />
      <TextField
        label="Initial password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. Give it to them in person."
        {...field('password')}
      />
      <div className="form-row">
        <TextField label="Specialty" autoComplete="off" {...field('specialty')} />
        <TextField label="Licence number" autoComplete="off" {...field('licenseNumber')} />
      </div>
      <div className="form-row">
        <TextField
          label={`Consultation fee (${currency})`}
          inputMode="decimal"
          autoComplete="off"
          {...field('consultationFee')}
        />
        <TextField
          label="Years of experience"
          inputMode="numeric"
          autoComplete="off"
          {...field('experienceYears')}
        />
      </div>
      <p className="field__hint">Set their working hours afterwards with “Edit hours”.</p>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          Create doctor
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
