// The clinic's profile and settings: name, contact details, time zone,
// currency, date and time format (every screen and printed document follows
// them), the idle-lock time and whether iCalendar exports name patients. Kept
// on the clinic's row, so they reach every workstation by sync. The running
// app picks up a change at once by re-reading the session, which carries the
// profile. Each field is checked with the core's own schema, and the core's
// answer (a bad email, an unknown time zone or currency) is shown on the field.
import { ClinicSettings } from '../../../../shared/api/admin';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { numberFrom } from '../../lib/form-rules';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useSession } from '../../stores/session-store';
import { CheckboxField } from './CheckboxField';
import { SchemaFormElement } from '../../components/SchemaFormElement';
import { SubmitButton } from '../../components/SubmitButton';
import { dateFormatOptions, timeFormatOptions, unitSystemOptions } from './locale-choices';

interface Props {
  initial: ClinicSettings;
  canEdit: boolean;
}

export function ClinicSettingsForm({ initial, canEdit }: Props) {
  const refresh = useSession((s) => s.refresh);
  const form = useSchemaForm({
    initial: {
      ...initial,
      idleLockMinutes: String(initial.idleLockMinutes),
      address: initial.address ?? '',
      contactEmail: initial.contactEmail ?? '',
      phone: initial.phone ?? '',
    },
    // The whole settings, not the update's partial: an emptied field must not mean "keep it".
    schema: ClinicSettings,
    toInput: (v) => ({
      ...v,
      idleLockMinutes: numberFrom(v.idleLockMinutes),
      timeZone: v.timeZone.trim(),
      currency: v.currency.trim().toUpperCase(),
      address: v.address.trim() || null,
      contactEmail: v.contactEmail.trim() || null,
      phone: v.phone.trim() || null,
    }),
    messages: { idleLockMinutes: 'Enter a whole number of minutes from 1 to 240' },
    refusal: () => null,
    send: (request) => api('admin.updateClinicSettings', request),
    // The session carries the profile every screen formats with, and the idle-lock minutes.
    onDone: refresh,
  });
  return (
    <SchemaFormElement form={form} className="panel" aria-label="Clinic settings">
      <h2>Clinic settings</h2>
      <ErrorAlert message={form.failure?.message ?? null} />
      <fieldset>
        <legend>Clinic profile</legend>
        <TextField label="Clinic name" disabled={!canEdit} {...form.field('name')} />
        <TextField
          label="Clinic address"
          hint="Printed on invoices, receipts and clinical documents."
          disabled={!canEdit}
          {...form.field('address')}
        />
        <TextField
          label="Phone"
          type="tel"
          hint="Printed on documents."
          disabled={!canEdit}
          {...form.field('phone')}
        />
        <TextField
          label="Billing contact email"
          type="email"
          hint="Printed on invoices and receipts."
          disabled={!canEdit}
          {...form.field('contactEmail')}
        />
      </fieldset>
      <fieldset>
        <legend>Locale</legend>
        <TextField
          label="Time zone"
          hint="An IANA name such as Europe/London. Every date and time is shown in it."
          disabled={!canEdit}
          autoComplete="off"
          {...form.field('timeZone')}
        />
        <TextField
          label="Currency"
          hint="An ISO 4217 code such as GBP. Invoices already issued keep their own currency."
          disabled={!canEdit}
          className="input--short"
          autoComplete="off"
          {...form.field('currency')}
        />
        <SelectField
          label="Date format"
          options={dateFormatOptions}
          disabled={!canEdit}
          {...form.field('dateFormat')}
        />
        <SelectField
          label="Time format"
          options={timeFormatOptions}
          disabled={!canEdit}
          {...form.field('timeFormat')}
        />
        <SelectField
          label="Units for vitals"
          options={unitSystemOptions}
          disabled={!canEdit}
          {...form.field('unitSystem')}
        />
      </fieldset>
      <TextField
        label="Lock the screen after this many idle minutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        hint="From 1 to 240. Applies to every workstation of the clinic."
        disabled={!canEdit}
        className="input--short"
        {...form.field('idleLockMinutes')}
      />
      <CheckboxField
        label="Include patient names in iCalendar exports"
        hint="Off by default: exported calendars then show only the time and the doctor."
        checked={form.values.icalIncludePatientNames}
        disabled={!canEdit}
        onChange={(v) => form.set('icalIncludePatientNames', v)}
      />
      <p role="status" className="status-note">
        {form.succeeded ? 'Settings saved.' : ''}
      </p>
      {canEdit && <SubmitButton form={form}>Save settings</SubmitButton>}
    </SchemaFormElement>
  );
}
