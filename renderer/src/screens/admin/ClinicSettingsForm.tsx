// Clinic-wide settings: the idle-lock time (the running app picks up the new
// value at once, by re-reading the session) and whether iCalendar exports name
// patients. Kept on the clinic's row, so they reach every workstation by sync.
import { ClinicSettings } from '../../../../shared/api/admin';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { numberFrom } from '../../lib/form-rules';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useSession } from '../../stores/session-store';
import { CheckboxField } from './CheckboxField';
import { SchemaFormElement } from '../../components/SchemaFormElement';
import { SubmitButton } from '../../components/SubmitButton';

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
    },
    // The whole settings, not the update's partial: an emptied field must not mean "keep it".
    schema: ClinicSettings,
    toInput: (v) => ({
      ...v,
      idleLockMinutes: numberFrom(v.idleLockMinutes),
      address: v.address.trim() || null,
      contactEmail: v.contactEmail.trim() || null,
    }),
    messages: { idleLockMinutes: 'Enter a whole number of minutes from 1 to 240' },
    refusal: () => null,
    send: (request) => api('admin.updateClinicSettings', request),
    // The session carries the idle-lock minutes the shell's timer uses.
    onDone: refresh,
  });
  return (
    <SchemaFormElement form={form} className="panel" aria-label="Clinic settings">
      <h2>Clinic settings</h2>
      <ErrorAlert message={form.failure?.message ?? null} />
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
      <TextField
        label="Clinic address"
        hint="Printed on invoices and receipts."
        disabled={!canEdit}
        {...form.field('address')}
      />
      <TextField
        label="Billing contact email"
        type="email"
        hint="Printed on invoices and receipts."
        disabled={!canEdit}
        {...form.field('contactEmail')}
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
