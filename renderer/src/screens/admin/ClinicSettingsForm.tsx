// Clinic-wide settings: the idle-lock time (the running app picks up the new
// value at once, by re-reading the session) and whether iCalendar exports name
// patients. Kept on the clinic's row, so they reach every workstation by sync.
import { useEffect, useState, type FormEvent } from 'react';
import { ClinicSettings } from '../../../../shared/api/admin';
import { api, ApiError, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { toFieldErrors, validate, type FieldErrors } from '../../lib/validation';
import { useSession } from '../../stores/session-store';
import { CheckboxField } from './CheckboxField';

export function ClinicSettingsForm({ canEdit }: { canEdit: boolean }) {
  const refresh = useSession((s) => s.refresh);
  const [minutes, setMinutes] = useState('');
  const [names, setNames] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api('admin.clinicSettings', {})
      .then((s) => {
        setMinutes(String(s.idleLockMinutes));
        setNames(s.icalIncludePatientNames);
        setLoaded(true);
      })
      .catch((e: unknown) => setFailure(errorMessage(e)));
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    setFailure(null);
    const checked = validate(ClinicSettings, {
      idleLockMinutes: minutes.trim() === '' ? undefined : Number(minutes),
      icalIncludePatientNames: names,
    });
    if (!checked.ok) {
      setErrors({ idleLockMinutes: 'Enter a whole number of minutes from 1 to 240' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api('admin.updateClinicSettings', checked.value);
      // The session carries the idle-lock minutes the shell's timer uses.
      await refresh();
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError) setErrors(toFieldErrors(err.issues));
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!loaded) return failure ? <ErrorAlert message={failure} /> : <p>Loading settings…</p>;
  return (
    <form className="panel" onSubmit={(e) => void save(e)} noValidate aria-label="Clinic settings">
      <h2>Clinic settings</h2>
      <ErrorAlert message={failure} />
      <TextField
        label="Lock the screen after this many idle minutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        value={minutes}
        onChange={(v) => {
          setMinutes(v);
          setSaved(false);
        }}
        error={errors.idleLockMinutes}
        hint="From 1 to 240. Applies to every workstation of the clinic."
        disabled={!canEdit}
        className="input--short"
      />
      <CheckboxField
        label="Include patient names in iCalendar exports"
        hint="Off by default: exported calendars then show only the time and the doctor."
        checked={names}
        disabled={!canEdit}
        onChange={(v) => {
          setNames(v);
          setSaved(false);
        }}
      />
      <p role="status" className="status-note">
        {saved ? 'Settings saved.' : ''}
      </p>
      {canEdit && (
        <button type="submit" className="button button--primary" disabled={busy}>
          Save settings
        </button>
      )}
    </form>
  );
}
