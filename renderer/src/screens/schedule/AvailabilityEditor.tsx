// A doctor's hours: weekly sessions, breaks, slot length and dated exceptions,
// all wall-clock times in the clinic's zone, saved with doctors.updateAvailability.
import { useState } from 'react';
import { Availability } from '../../../../shared/domain/availability';
import { api, ApiError, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TextField } from '../../components/TextField';
import { toFieldErrors, validate, type FieldErrors } from '../../lib/validation';
import { useSchedule } from '../../stores/schedule-store';
import { useSession } from '../../stores/session-store';
import { ExceptionRows } from './ExceptionRows';
import { SessionRows } from './SessionRows';

export function AvailabilityEditor({ doctorId, today }: { doctorId: string; today: string }) {
  const doctor = useSchedule((s) => s.doctors?.find((d) => d.id === doctorId));
  const openPanel = useSchedule((s) => s.openPanel);
  const reloadDoctors = useSchedule((s) => s.reloadDoctors);
  const load = useSchedule((s) => s.load);
  const timeZone = useSession((s) => s.session?.tenant.timeZone ?? 'UTC');
  const [draft, setDraft] = useState(() => doctor?.availability);
  const [slot, setSlot] = useState(String(doctor?.availability.slotMinutes ?? 15));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!doctor || !draft) return <ErrorAlert message="That doctor is not in the list." />;

  const change = (next: typeof draft) => {
    setDraft(next);
    setSaved(false);
  };
  const save = async () => {
    const checked = validate(Availability, { ...draft, slotMinutes: Number(slot) });
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure('Please correct the highlighted fields.');
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await api('doctors.updateAvailability', { doctorId, availability: checked.value });
      await reloadDoctors();
      await load();
      setSaved(true);
    } catch (e) {
      if (e instanceof ApiError) setErrors(toFieldErrors(e.issues));
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="hours-editor" aria-labelledby="hours-title">
      <ScreenHeading level={2} id="hours-title">
        Hours · {doctor.displayName}
      </ScreenHeading>
      <p className="lead">Times are in the clinic’s time zone ({timeZone}).</p>
      <div className="hours-editor__slot">
        <TextField
          label="Slot length (minutes)"
          type="number"
          min={5}
          max={240}
          step={5}
          value={slot}
          onChange={(v) => {
            setSlot(v);
            setSaved(false);
          }}
          error={errors.slotMinutes}
        />
      </div>
      <SessionRows
        title="Weekly sessions"
        noun="Session"
        path="weekly"
        rows={draft.weekly}
        errors={errors}
        onChange={(weekly) => change({ ...draft, weekly })}
      />
      <SessionRows
        title="Breaks"
        noun="Break"
        path="breaks"
        rows={draft.breaks}
        errors={errors}
        onChange={(breaks) => change({ ...draft, breaks })}
      />
      <ExceptionRows
        rows={draft.exceptions}
        today={today}
        errors={errors}
        onChange={(exceptions) => change({ ...draft, exceptions })}
      />
      <ErrorAlert message={failure} />
      <p role="status" className={saved ? 'alert alert--success' : 'visually-hidden'}>
        {saved ? 'Hours saved' : ''}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void save()}
        >
          Save hours
        </button>
        <button type="button" className="button" onClick={() => openPanel({ kind: 'none' })}>
          Back to calendar
        </button>
      </div>
    </section>
  );
}
