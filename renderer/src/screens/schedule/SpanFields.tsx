// From and To of a span of wall-clock time (a session, a break, part of a day
// off), with the problems the availability schema finds at `path`.start/.end.
import { TextField } from '../../components/TextField';
import type { FieldErrors } from '../../lib/validation';

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

export function SpanFields({ span, path, errors, onChange }: Props) {
  return ends.map(({ key, label }) => (
    <TextField
      key={key}
      label={label}
      type="time"
      value={span[key]}
      onChange={(time) => onChange({ ...span, [key]: time })}
      error={errors[`${path}.${key}`]}
    />
  ));
}
