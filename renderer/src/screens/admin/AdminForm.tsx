// The frame of the Admin screen's forms (a new account, connecting to a sync
// server): a titled panel, the refusal or failure above the fields, and the
// submit button with an optional Cancel.
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { SchemaForm } from '../../lib/useSchemaForm';
import { SchemaFormElement } from '../../components/SchemaFormElement';
import { SubmitButton } from '../../components/SubmitButton';

interface Props {
  title: string;
  form: Pick<SchemaForm<unknown>, 'id' | 'onSubmit' | 'failure' | 'busy' | 'submit'>;
  submitLabel: string;
  /** The submit button's text while the request is on its way. */
  busyLabel?: string;
  /** Shown under the title, before any error. */
  intro?: ReactNode;
  onCancel?(): void;
  children: ReactNode;
}

export function AdminForm({
  title,
  form,
  submitLabel,
  busyLabel,
  intro,
  onCancel,
  children,
}: Props) {
  return (
    // Autofill off for the whole form: these are someone else's details, not the admin's.
    <SchemaFormElement
      form={form}
      className="panel admin-form"
      autoComplete="off"
      aria-label={title}
    >
      <h3>{title}</h3>
      {intro}
      <ErrorAlert message={form.failure?.message ?? null} />
      {children}
      <div className="button-row">
        <SubmitButton form={form} busyLabel={busyLabel}>
          {submitLabel}
        </SubmitButton>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </SchemaFormElement>
  );
}
