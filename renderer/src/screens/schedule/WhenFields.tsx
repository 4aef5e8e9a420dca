// Doctor, date, time and duration of an appointment, in the clinic's time
// zone. Used by booking and by rescheduling (the keyboard way to move).
import type { DoctorView } from '../../../../shared/api/scheduling';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';

export interface When {
  doctorId: string;
  date: string;
  time: string;
  duration: string;
}

interface Props {
  value: When;
  onChange(value: When): void;
  doctors: readonly DoctorView[];
}

export function WhenFields({ value, onChange, doctors }: Props) {
  const set = (k: keyof When) => (v: string) => onChange({ ...value, [k]: v });
  return (
    <>
      <SelectField
        label="Doctor"
        value={value.doctorId}
        onChange={set('doctorId')}
        options={doctors.map((d) => ({ value: d.id, label: d.displayName }))}
      />
      <div className="form-row form-row--three">
        <TextField label="Date" type="date" value={value.date} onChange={set('date')} required />
        <TextField label="Time" type="time" value={value.time} onChange={set('time')} required />
        <TextField
          label="Minutes"
          type="number"
          min={5}
          max={480}
          step={5}
          value={value.duration}
          onChange={set('duration')}
        />
      </div>
    </>
  );
}
