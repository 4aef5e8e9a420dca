// A calendar-date field in the clinic's date format (02/12/2026 in a UK
// clinic), never the browser's: the browser's own date input shows its
// locale's order (a UK clinic on a US browser saw "12/02/2"). The field keeps
// what is typed; the form gets the ISO date (YYYY-MM-DD) as soon as the text
// is a real date, in the clinic's format or in ISO, and the text itself
// otherwise, so the form's own schema refuses it with its message (a filter
// passes `onlyDates` instead: it hears of a date or of an emptied field, never
// of half-typed text). On leaving the field a date is rewritten in the
// clinic's format.
import { useState } from 'react';
import { formatCalendarDate, parseCalendarDate } from '../../../shared/format';
import { useSession } from '../stores/session-store';
import { DEFAULT_DATE_FORMAT } from '../../../shared/domain/clinic-locale';
import { TextField } from './TextField';

interface Props {
  label: string;
  /** ISO date, '' when empty, or the text typed while it is not a date. */
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  id?: string;
  /** Report only whole dates and '' (filters); a form leaves it off and validates the text. */
  onlyDates?: boolean;
}

export function DateField({ value, onChange, onlyDates = false, ...rest }: Props) {
  const format = useSession((s) => s.session?.tenant.dateFormat ?? DEFAULT_DATE_FORMAT);
  const shown = (v: string) => formatCalendarDate(v, format);
  const [text, setText] = useState(() => shown(value));
  // A value set from outside (a reset, a picked slot) replaces what is shown.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (parseCalendarDate(text, format) !== value) setText(shown(value));
  }
  const type = (next: string) => {
    setText(next);
    const iso = parseCalendarDate(next, format);
    const out = iso ?? next.trim();
    if (onlyDates && iso === null && out !== '') return;
    setSeen(out);
    onChange(out);
  };
  return (
    <TextField
      {...rest}
      value={text}
      onChange={type}
      onBlur={() => {
        const iso = parseCalendarDate(text, format);
        if (iso) setText(shown(iso));
      }}
      inputMode="numeric"
      autoComplete="off"
      placeholder={format}
      className="date-field"
    />
  );
}
