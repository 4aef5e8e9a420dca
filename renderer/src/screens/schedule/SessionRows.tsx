// Weekly sessions or breaks: a row per weekday span, each row a labelled group.
import type { WeeklySession } from '../../../../shared/domain/availability';
import type { IsoWeekday } from '../../../../shared/domain/availability';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldErrors } from '../../lib/validation';

export const weekdayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

interface Props {
  title: string;
  /** "Session" or "Break": names each row and the add button. */
  noun: string;
  /** The key in the availability ("weekly" or "breaks"), for error paths. */
  path: string;
  rows: WeeklySession[];
  errors: FieldErrors;
  onChange(rows: WeeklySession[]): void;
}

export function SessionRows({ title, noun, path, rows, errors, onChange }: Props) {
  const update = (i: number, change: Partial<WeeklySession>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset className="hours-section">
      <legend>{title}</legend>
      {rows.length === 0 && <p className="field__hint">None.</p>}
      {rows.map((r, i) => (
        <fieldset key={i} className="hours-row">
          <legend className="visually-hidden">{`${noun} ${i + 1}`}</legend>
          <SelectField
            label="Day"
            value={String(r.weekday)}
            onChange={(v) => update(i, { weekday: Number(v) as IsoWeekday })}
            options={weekdayNames.map((n, k) => ({ value: String(k + 1), label: n }))}
          />
          <TextField
            label="From"
            type="time"
            value={r.start}
            onChange={(v) => update(i, { start: v })}
            error={errors[`${path}.${i}.start`]}
          />
          <TextField
            label="To"
            type="time"
            value={r.end}
            onChange={(v) => update(i, { end: v })}
            error={errors[`${path}.${i}.end`]}
          />
          <button
            type="button"
            className="button button--quiet hours-row__remove"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}
          >
            Remove
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { weekday: 1, start: '09:00', end: '17:00' }])}
      >
        Add {noun.toLowerCase()}
      </button>
    </fieldset>
  );
}
