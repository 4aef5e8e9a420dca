// Creates the clinic and its first admin, then signs that admin in. Validated
// with the core's own request schema; the core's field issues land on the same fields.
import { useState } from 'react';
import { sessionChannels } from '../../../../shared/api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { currencyOptions, defaultTimeZone, timeZoneOptions } from '../../lib/locale-options';
import { useSchemaForm } from '../../lib/useSchemaForm';
import type { FieldErrors } from '../../lib/validation';
import { useSession } from '../../stores/session-store';
import { SchemaFormElement } from '../../components/SchemaFormElement';
import { SubmitButton } from '../../components/SubmitButton';
import { inputKinds } from '../../components/input-kinds';

export function CreateClinicForm() {
  const createClinic = useSession((s) => s.createClinic);
  const [zones] = useState(timeZoneOptions);
  const [currencies] = useState(currencyOptions);
  const form = useSchemaForm({
    initial: {
      clinicName: '',
      timeZone: defaultTimeZone(),
      currency: 'USD',
      adminName: '',
      adminEmail: '',
      adminPassword: '',
      confirm: '',
    },
    schema: sessionChannels['setup.createClinic'].request,
    // The request has no second password: it is only checked here.
    toInput: ({ confirm: _, ...request }) => request,
    check: (v): FieldErrors =>
      v.confirm === v.adminPassword ? {} : { confirm: 'The two passwords do not match' },
    send: createClinic,
  });

  return (
    <SchemaFormElement form={form} aria-labelledby="create-clinic-title">
      <h2 id="create-clinic-title">Create your clinic</h2>
      <ErrorAlert message={form.failure?.message ?? null} />
      <TextField label="Clinic name" autoComplete="organization" {...form.field('clinicName')} />
      <div className="form-row">
        <SelectField label="Time zone" options={zones} {...form.field('timeZone')} />
        <SelectField label="Currency" options={currencies} {...form.field('currency')} />
      </div>
      <fieldset>
        <legend>First administrator</legend>
        <TextField label="Full name" autoComplete="name" {...form.field('adminName')} />
        <TextField label="Email" {...inputKinds.username} {...form.field('adminEmail')} />
        <TextField
          label="Password"
          hint="At least 10 characters."
          {...inputKinds.newPassword}
          {...form.field('adminPassword')}
        />
        <TextField
          label="Confirm password"
          {...inputKinds.newPassword}
          {...form.field('confirm')}
        />
      </fieldset>
      <SubmitButton form={form} busyLabel="Creating the clinic…">
        Create clinic
      </SubmitButton>
    </SchemaFormElement>
  );
}
