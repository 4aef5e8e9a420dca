// The add form of one section (vitals, problems, allergies, medications, lab
// results, documents): checked as it is sent with the core's own content
// schema, so it refuses exactly what the core would, with the same messages;
// refusals by the core land on the same fields.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { RequestFailure } from '../../lib/request-failure';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CodeSuggestions } from './CodeSuggestions';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useRequest } from '../../lib/useRequest';
import type { FieldErrors } from '../../lib/validation';
import {
  checkSection,
  contentErrors,
  emptyValues,
  fieldsFor,
  type SectionType,
} from './chart-model';
import { useUnitSystem } from '../../stores/clinic-format';

interface Props {
  type: SectionType;
  title: string;
  initial?: Record<string, string>;
  /** Sends the checked content; `sign` when the doctor chose "Save and sign". */
  send(content: unknown, sign: boolean): Promise<unknown>;
  onDone(): void;
  onCancel?: () => void;
  /** After the core refused (e.g. an allergy warning the form then lets the doctor acknowledge). */
  onRefused?: (failure: RequestFailure) => void;
  /** Shown above the buttons. */
  children?: ReactNode;
}

export function SectionForm({
  type,
  title,
  initial,
  send,
  onDone,
  onCancel,
  onRefused,
  children,
}: Props) {
  const [values, setValues] = useState<Record<string, string>>(initial ?? emptyValues(type));
  const [errors, setErrors] = useState<FieldErrors>({});
  const request = useRequest();
  const id = useId();
  const units = useUnitSystem();

  const submit = async (sign: boolean) => {
    if (request.busy) return;
    const checked = checkSection(type, values, units);
    if (!checked.ok) {
      setErrors(checked.errors);
      request.refuse('Please correct the highlighted fields.');
      window.setTimeout(() =>
        document.getElementById(id)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setErrors({});
    const r = await request.run(() => send(checked.content, sign));
    if (r.ok) {
      setValues(initial ?? emptyValues(type));
      onDone();
    } else {
      setErrors(contentErrors(r.failure.issues));
      onRefused?.(r.failure);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(false);
  };

  return (
    <form id={id} className="section-form" aria-label={title} onSubmit={onSubmit} noValidate>
      <h2>{title}</h2>
      <ErrorAlert message={request.failure?.message ?? null} />
      <div className="section-form__fields">
        {fieldsFor(type, units).map((f) =>
          f.kind === 'select' ? (
            <SelectField
              key={f.key}
              label={f.label}
              name={f.key}
              value={values[f.key] ?? ''}
              options={f.options ?? []}
              error={errors[f.key]}
              onChange={(v) => setValues((s) => ({ ...s, [f.key]: v }))}
            />
          ) : (
            <TextField
              key={f.key}
              label={f.label}
              name={f.key}
              inputMode={f.kind === 'number' ? 'decimal' : undefined}
              value={values[f.key] ?? ''}
              error={errors[f.key]}
              onChange={(v) => setValues((s) => ({ ...s, [f.key]: v }))}
            />
          ),
        )}
      </div>
      {type === 'diagnosis' && (
        <CodeSuggestions
          query={values['description'] || values['code'] || ''}
          onPick={(code, description) => setValues((v) => ({ ...v, code, description }))}
        />
      )}
      {children}
      <div className="button-row">
        <button type="submit" className="button" disabled={request.busy}>
          Save
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={request.busy}
          onClick={() => void submit(true)}
        >
          Save and sign
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
