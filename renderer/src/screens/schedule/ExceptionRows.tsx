// Dated exceptions: time off (a whole day or part of one) and extra sessions.
import type { AvailabilityException } from '../../../../shared/domain/availability';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { DateField } from '../../components/DateField';
import type { FieldErrors } from '../../lib/validation';
import { RowList } from './RowList';
import { SpanFields } from './SpanFields';

interface Props {
  rows: AvailabilityException[];
  today: string;
  errors: FieldErrors;
  onChange(rows: AvailabilityException[]): void;
}

const DEFAULT_SPAN = { start: '09:00', end: '12:00' };
const kindOptions = [
  { value: 'time_off', label: 'Time off' },
  { value: 'extra', label: 'Extra session' },
];

export function ExceptionRows({ rows, today, errors, onChange }: Props) {
  return (
    <RowList
      title="Exceptions"
      noun="Exception"
      rows={rows}
      blank={{ kind: 'time_off', date: today }}
      rowClassName="hours-row hours-row--exception"
      onChange={onChange}
    >
      {(r, replace, i) => {
        const err = (k: string) => errors[`exceptions.${i}.${k}`];
        const wholeDay = r.kind === 'time_off' && !r.span;
        return (
          <>
            <SelectField
              label="Kind"
              value={r.kind}
              onChange={(kind) =>
                replace(
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
              options={kindOptions}
            />
            <DateField
              label="Date"
              value={r.date}
              onChange={(date) => replace({ ...r, date })}
              error={err('date')}
            />
            {r.kind === 'time_off' && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={wholeDay}
                  onChange={(e) =>
                    replace({ ...r, span: e.target.checked ? undefined : DEFAULT_SPAN })
                  }
                />
                Whole day
              </label>
            )}
            {!wholeDay && r.span && (
              <SpanFields
                span={r.span}
                path={`exceptions.${i}.span`}
                errors={errors}
                onChange={(span) => replace({ ...r, span })}
              />
            )}
            <TextField
              label="Reason"
              value={r.reason ?? ''}
              onChange={(reason) => replace({ ...r, reason })}
              error={err('reason')}
            />
          </>
        );
      }}
    </RowList>
  );
}
