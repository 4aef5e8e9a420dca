// A labelled multi-line text field, the counterpart of TextField for notes.
import { useId, type TextareaHTMLAttributes } from 'react';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
}

export function TextAreaField({ label, value, onChange, id, ...rest }: Props) {
  const generated = useId();
  const fieldId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <textarea {...rest} id={fieldId} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
