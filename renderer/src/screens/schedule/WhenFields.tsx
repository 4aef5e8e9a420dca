// Doctor, date, time and duration of an appointment, in the clinic's time
// zone. Used by booking and by rescheduling (the keyboard way to move). The
// time is a text field in the clinic's format, not the browser's time input,
// whose 12/24-hour display follows the machine's locale rather than the
// clinic's (see when.ts for what is read as a time).
import type { DoctorView } from '../../../../shared/api/scheduling';
import { clockText, storedClockOf } from '../../../../shared/format';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { DateField } from '../../components/DateField';
import { useClinicFormat } from '../../stores/clinic-format';
import type { FieldProps } from '../../lib/useSchemaForm';
import type { FieldErrors } from '../../lib/validation';
import type { When } from './when';

interface Props {
  field(name: keyof When): FieldProps;
  errors: FieldErrors;
  doctors: readonly DoctorView[];
}

export function WhenFields({ field, errors, doctors }: Props) {
  const time = field('time');
  const { timeFormat } = useClinicFormat().locale;
  // A time typed another way ('2:30pm', '14:30' in a 12-hour clinic) is shown in the clinic's format once left.
  const tidy = () => {
    const stored = storedClockOf(time.value);
    const shown = stored === null ? time.value : clockText(stored, timeFormat);
    if (shown !== time.value) time.onChange(shown);
  };
  return (
    <>
      <SelectField
        label="Doctor"
        options={doctors.map((d) => ({ value: d.id, label: d.displayName }))}
        {...field('doctorId')}
      />
      <div className="form-row form-row--three">
        <DateField label="Date" required {...field('date')} />
        <TextField
          label="Time"
          required
          inputMode="text"
          autoComplete="off"
          placeholder={timeFormat === '12h' ? '2:30 PM' : '14:30'}
          {...time}
          onBlur={tidy}
          error={time.error ?? errors.scheduledAt}
        />
        <TextField
          label="Minutes"
          type="number"
          min={5}
          max={480}
          step={5}
          {...field('durationMinutes')}
        />
      </div>
    </>
  );
}
