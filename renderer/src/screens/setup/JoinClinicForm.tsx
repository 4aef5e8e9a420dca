// Joins an existing clinic on a new workstation: the sync server's address
// and fingerprint (pinned), the one-time code an administrator created on
// another workstation, and a name for this one.
import type { FormEvent } from 'react';
import { syncStatusChannels } from '../../../../shared/api/sync-status';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../admin/useSchemaForm';

const schema = syncStatusChannels['setup.joinClinic'].request;

interface Props {
  onJoined(): void;
  onBack(): void;
}

export function JoinClinicForm({ onJoined, onBack }: Props) {
  const { form, field, failure, busy, submit } = useSchemaForm(
    { serverUrl: 'https://', fingerprint: '', code: '', deviceName: '' },
    schema,
    (r) => api('setup.joinClinic', r),
    onJoined,
  );
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(form);
  };
  return (
    <form onSubmit={send} noValidate aria-labelledby="join-title">
      <h2 id="join-title">Join an existing clinic</h2>
      <p className="field__hint">
        An administrator creates a one-time code in Admin → Sync on a workstation that is already
        connected. The server’s address and fingerprint are printed when it first starts.
      </p>
      <ErrorAlert message={failure} />
      <TextField
        label="Server address"
        type="url"
        autoComplete="url"
        autoFocus
        hint="For example https://sync.clinic.example:8443"
        {...field('serverUrl')}
      />
      <TextField
        label="Server fingerprint"
        autoComplete="off"
        spellCheck={false}
        hint="The SHA-256 fingerprint the server printed (AB:CD:…)."
        {...field('fingerprint')}
      />
      <TextField label="One-time code" autoComplete="off" spellCheck={false} {...field('code')} />
      <TextField
        label="Workstation name"
        autoComplete="off"
        hint="How this computer appears in the list of workstations, e.g. Consulting room 2."
        {...field('deviceName')}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Joining…' : 'Join clinic'}
        </button>
        <button type="button" className="button button--quiet" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  );
}
