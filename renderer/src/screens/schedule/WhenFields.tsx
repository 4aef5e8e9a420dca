// Doctor, date, time and duration of an appointment, in the clinic's time
// zone. Used by booking and by rescheduling (the keyboard way to move).
import type { DoctorView } from '../../../../shared/api/scheduling';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { DateField } from '../../components/DateField';
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
          type="time"
          required
          {...time}
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
