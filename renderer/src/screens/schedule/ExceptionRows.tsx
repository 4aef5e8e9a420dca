// Dated exceptions: time off (a whole day or part of one) and extra sessions.
import type { AvailabilityException } from '../../../../shared/domain/availability';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldErrors } from '../../lib/validation';

interface Props {
  rows: AvailabilityException[];
  today: string;
  errors: FieldErrors;
  onChange(rows: AvailabilityException[]): void;
}

const DEFAULT_SPAN = { start: '09:00', end: '12:00' };

export function ExceptionRows({ rows, today, errors, onChange }: Props) {
  const replace = (i: number, next: AvailabilityException) =>
    onChange(rows.map((r, j) => (j === i ? next : r)));
  return (
    <fieldset className="hours-section">
      <legend>Exceptions</legend>
      {rows.length === 0 && <p className="field__hint">None.</p>}
      {rows.map((r, i) => {
        const err = (k: string) => errors[`exceptions.${i}.${k}`];
        const wholeDay = r.kind === 'time_off' && !r.span;
        return (
          <fieldset key={i} className="hours-row hours-row--exception">
            <legend className="visually-hidden">{`Exception ${i + 1}`}</legend>
            <SelectField
              label="Kind"
              value={r.kind}
              onChange={(kind) =>
                replace(
                  i,
                  kind === 'extra'
                    ? {
                        kind: 'extra',
                        date: r.date,
                        span: r.span ?? DEFAULT_SPAN,
                        reason: r.reason,
                      }
                    : { kind: 'time_off', date: r.date, span: r.span, reason: r.reason },
                )
              }
              options={[
                { value: 'time_off', label: 'Time off' },
                { value: 'extra', label: 'Extra session' },
              ]}
            />
            <TextField
              label="Date"
              type="date"
              value={r.date}
              onChange={(date) => replace(i, { ...r, date })}
              error={err('date')}
            />
            {r.kind === 'time_off' && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={wholeDay}
                  onChange={(e) =>
                    replace(i, { ...r, span: e.target.checked ? undefined : DEFAULT_SPAN })
                  }
                />
                Whole day
              </label>
            )}
            {!wholeDay && r.span && (
              <>
                <TextField
                  label="From"
                  type="time"
                  value={r.span.start}
                  onChange={(start) => r.span && replace(i, { ...r, span: { ...r.span, start } })}
                  error={err('span.start')}
                />
                <TextField
                  label="To"
                  type="time"
                  value={r.span.end}
                  onChange={(end) => r.span && replace(i, { ...r, span: { ...r.span, end } })}
                  error={err('span.end')}
                />
              </>
            )}
            <TextField
              label="Reason"
              value={r.reason ?? ''}
              onChange={(reason) => replace(i, { ...r, reason })}
              error={err('reason')}
            />
            <button
              type="button"
              className="button button--quiet hours-row__remove"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              aria-label={`Remove exception ${i + 1}`}
            >
              Remove
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { kind: 'time_off', date: today }])}
      >
        Add exception
      </button>
    </fieldset>
  );
}
