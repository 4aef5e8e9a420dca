// From and To of a span of wall-clock time (a session, a break, part of a day
// off), with the problems the availability schema finds at `path`.start/.end.
// Each is a text field in the clinic's time format ('2:30 PM' or '14:30'),
// not the browser's time input, whose 12/24-hour display follows the
// machine's locale. The availability keeps 'HH:MM'; what is typed is read by
// parseClock, and text that is not a time is kept as typed (so saving is
// refused on that field) with the clinic's own example in the message.
import { useState } from 'react';
import type { TimeFormat } from '../../../../shared/domain/clinic-locale';
import { clockProblem, clockText, storedClockOf } from '../../../../shared/format';
import { TextField } from '../../components/TextField';
import type { FieldErrors } from '../../lib/validation';
import { useClinicFormat } from '../../stores/clinic-format';

/** Clinic-local 'HH:MM' times, as the availability keeps them. */
export interface TimeSpan {
  start: string;
  end: string;
}

interface Props {
  span: TimeSpan;
  /** Where the span sits in the availability, e.g. "weekly.0" or "exceptions.2.span". */
  path: string;
  errors: FieldErrors;
  onChange(span: TimeSpan): void;
}

const ends = [
  { key: 'start', label: 'From' },
  { key: 'end', label: 'To' },
] as const;

interface ClockProps {
  label: string;
  /** The stored 'HH:MM', or text that is not a time yet, as typed. */
  value: string;
  timeFormat: TimeFormat;
  error: string | undefined;
  onChange(value: string): void;
}

function ClockField({ label, value, timeFormat, error, onChange }: ClockProps) {
  // What the user is typing, while it still stands for the value ('2:30p' for '14:30').
  const [draft, setDraft] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  const mine = draft !== null && (draft === value || storedClockOf(draft) === value);
  const shown = mine ? draft : clockText(value, timeFormat);
  const notATime = storedClockOf(shown) === null;
  return (
    <TextField
      label={label}
      value={shown}
      autoComplete="off"
      placeholder={timeFormat === '12h' ? '2:30 PM' : '14:30'}
      onChange={(text) => {
        setDraft(text);
        onChange(storedClockOf(text) ?? text);
      }}
      onBlur={() => {
        setLeft(true);
        // A time typed another way ('2:30pm', '14:30') is shown in the clinic's format once left.
        if (!notATime) setDraft(null);
      }}
      error={notATime && (left || error) ? clockProblem(timeFormat) : error}
    />
  );
}

export function SpanFields({ span, path, errors, onChange }: Props) {
  const { timeFormat } = useClinicFormat().locale;
  return ends.map(({ key, label }) => (
    <ClockField
      key={key}
      label={label}
      value={span[key]}
      timeFormat={timeFormat}
      onChange={(time) => onChange({ ...span, [key]: time })}
      error={errors[`${path}.${key}`]}
    />
  ));
}
