// A free-text note (outside a visit), or the text of an amendment: refused
// empty with the core's message, shown on the field.
import { useId, useState, type FormEvent } from 'react';
import { NoteContent } from '../../../../shared/charting/content';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField } from '../../components/TextAreaField';
import { useRequest } from '../../lib/useRequest';
import { validate } from '../../lib/validation';
import { contentErrors } from './chart-model';

interface Props {
  title: string;
  label: string;
  send(content: NoteContent, sign: boolean): Promise<unknown>;
  onDone(): void;
  onCancel?: () => void;
}

export function NoteForm({ title, label, send, onDone, onCancel }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const request = useRequest();
  const fieldId = useId();

  const submit = async (sign: boolean) => {
    if (request.busy) return;
    const checked = validate(NoteContent, { text });
    if (!checked.ok) {
      setError(checked.errors['text']);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(undefined);
    const r = await request.run(() => send(checked.value, sign));
    if (r.ok) {
      setText('');
      onDone();
    } else setError(contentErrors(r.failure.issues)['text']);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(false);
  };

  return (
    <form className="section-form" aria-label={title} onSubmit={onSubmit} noValidate>
      <h2>{title}</h2>
      <ErrorAlert message={request.failure?.message ?? null} />
      <div className={error ? 'field--invalid' : undefined}>
        <TextAreaField
          id={fieldId}
          label={label}
          rows={5}
          value={text}
          onChange={setText}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId}-error` : undefined}
        />
        {error && (
          <p className="field__error" id={`${fieldId}-error`}>
            {error}
          </p>
        )}
      </div>
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
