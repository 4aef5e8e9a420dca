// A doctor's hours: weekly sessions, breaks, slot length and dated exceptions,
// all wall-clock times in the clinic's zone, saved with doctors.updateAvailability.
// Opened from Admin → Staff (under Admin's heading) and from the Schedule's
// toolbar (a doctor's own hours). A refusal is summarised just under the
// heading, and the first field to fix takes the cursor.
import { Availability, emptyAvailability } from '../../../../shared/domain/availability';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TextField } from '../../components/TextField';
import { numberFrom } from '../../lib/form-rules';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useSchedule } from '../../stores/schedule-store';
import { useSession } from '../../stores/session-store';
import { ExceptionRows } from './ExceptionRows';
import { SessionRows } from './SessionRows';
import { SubmitButton } from '../../components/SubmitButton';

const sessionLists = [
  { path: 'weekly', title: 'Weekly sessions', noun: 'Session' },
  { path: 'breaks', title: 'Breaks', noun: 'Break' },
] as const;

interface Props {
  doctorId: string;
  today: string;
  /** Where "Back" leads, and what it says; the Schedule's calendar when left out. */
  back?: { label: string; onBack(): void };
}

export function AvailabilityEditor({ doctorId, today, back }: Props) {
  const doctor = useSchedule((s) => s.doctors?.find((d) => d.id === doctorId));
  const openPanel = useSchedule((s) => s.openPanel);
  const { label: backLabel, onBack } = back ?? {
    label: 'Back to calendar',
    onBack: () => openPanel({ kind: 'none' }),
  };
  const reloadDoctors = useSchedule((s) => s.reloadDoctors);
  const refresh = useSchedule((s) => s.refresh);
  const timeZone = useSession((s) => s.session?.tenant.timeZone ?? 'UTC');
  const { slotMinutes, ...rows } = doctor?.availability ?? emptyAvailability;
  const form = useSchemaForm({
    initial: { ...rows, slotMinutes: String(slotMinutes) },
    // Checked as the availability itself, so problems land on its own paths (weekly.0.start…).
    schema: Availability,
    toInput: (v) => ({ ...v, slotMinutes: numberFrom(v.slotMinutes) }),
    send: (availability) => api('doctors.updateAvailability', { doctorId, availability }),
    async onDone() {
      await reloadDoctors();
      // New hours change every cached week's working time and free slots.
      await refresh();
    },
  });
  if (!doctor) return <ErrorAlert message="That doctor is not in the list." />;
  const draft = form.values;

  return (
    <section className="hours-editor" aria-labelledby="hours-title" id={form.id}>
      <ScreenHeading level={2} id="hours-title">
        Hours · {doctor.displayName}
      </ScreenHeading>
      <p className="lead">Times are in the clinic’s time zone ({timeZone}).</p>
      <ErrorAlert message={form.failure?.message ?? null} />
      <div className="hours-editor__slot">
        <TextField
          label="Slot length (minutes)"
          type="number"
          min={5}
          max={240}
          step={5}
          {...form.field('slotMinutes')}
        />
      </div>
      {sessionLists.map(({ path, title, noun }) => (
        <SessionRows
          key={path}
          title={title}
          noun={noun}
          path={path}
          rows={draft[path]}
          errors={form.errors}
          onChange={(rows) => form.set(path, rows)}
        />
      ))}
      <ExceptionRows
        rows={draft.exceptions}
        today={today}
        errors={form.errors}
        onChange={(exceptions) => form.set('exceptions', exceptions)}
      />
      <p role="status" className={form.succeeded ? 'alert alert--success' : 'visually-hidden'}>
        {form.succeeded ? 'Hours saved' : ''}
      </p>
      <div className="button-row">
        <SubmitButton form={form} type="button">
          Save hours
        </SubmitButton>
        <button type="button" className="button" onClick={onBack}>
          {backLabel}
        </button>
      </div>
    </section>
  );
}
