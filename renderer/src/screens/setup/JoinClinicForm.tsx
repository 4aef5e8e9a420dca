// Joins an existing clinic on a new workstation: the sync server's address
// and fingerprint (pinned), the one-time code an administrator created on
// another workstation, and a name for this one.
import { syncStatusChannels } from '../../../../shared/api/sync-status';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ServerTargetFields, serverTargetBlank } from '../../components/ServerTargetFields';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { SchemaFormElement } from '../../components/SchemaFormElement';
import { SubmitButton } from '../../components/SubmitButton';

interface Props {
  onJoined(): void;
  onBack(): void;
}

export function JoinClinicForm({ onJoined, onBack }: Props) {
  const form = useSchemaForm({
    initial: { ...serverTargetBlank, code: '' },
    schema: syncStatusChannels['setup.joinClinic'].request,
    send: (request) => api('setup.joinClinic', request),
    onDone: onJoined,
  });
  return (
    <SchemaFormElement form={form} aria-labelledby="join-title">
      <h2 id="join-title">Join an existing clinic</h2>
      <p className="field__hint">
        An administrator creates a one-time code in Admin → Sync on a workstation that is already
        connected. The server’s address and fingerprint are printed when it first starts.
      </p>
      <ErrorAlert message={form.failure?.message ?? null} />
      <ServerTargetFields field={form.field} deviceExample="Consulting room 2" autoFocus>
        <TextField
          label="One-time code"
          autoComplete="off"
          spellCheck={false}
          {...form.field('code')}
        />
      </ServerTargetFields>
      <div className="button-row">
        <SubmitButton form={form} busyLabel="Joining…">
          Join clinic
        </SubmitButton>
        <button type="button" className="button button--quiet" onClick={onBack}>
          Back
        </button>
      </div>
    </SchemaFormElement>
  );
}
