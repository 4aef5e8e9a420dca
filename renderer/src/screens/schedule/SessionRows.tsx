// Weekly sessions or breaks: a row per weekday span, each row a labelled group.
import type { IsoWeekday, WeeklySession } from '../../../../shared/domain/availability';
import { SelectField } from '../../components/SelectField';
import type { FieldErrors } from '../../lib/validation';
import { RowList } from './RowList';
import { SpanFields } from './SpanFields';

export const weekdayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

const weekdayOptions = weekdayNames.map((n, k) => ({ value: String(k + 1), label: n }));

interface Props {
  title: string;
  /** "Session" or "Break": names each row and the add button. */
  noun: string;
  /** The key in the availability ("weekly" or "breaks"), for error paths. */
  path: 'weekly' | 'breaks';
  rows: WeeklySession[];
  errors: FieldErrors;
  onChange(rows: WeeklySession[]): void;
}

export function SessionRows({ title, noun, path, rows, errors, onChange }: Props) {
  return (
    <RowList
      title={title}
      noun={noun}
      rows={rows}
      blank={{ weekday: 1, start: '09:00', end: '17:00' }}
      onChange={onChange}
    >
      {(r, replace, i) => (
        <>
          <SelectField
            label="Day"
            value={String(r.weekday)}
            onChange={(v) => replace({ ...r, weekday: Number(v) as IsoWeekday })}
            options={weekdayOptions}
          />
          <SpanFields
            span={r}
            path={`${path}.${i}`}
            errors={errors}
            onChange={(span) => replace({ ...r, ...span })}
          />
        </>
      )}
    </RowList>
  );
}
