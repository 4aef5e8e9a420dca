// Connects this workstation (and registers its clinic) with a sync server:
// the address and CA fingerprint the server printed (the fingerprint is
// pinned), the server's admin token, and a name for this workstation.
import type { FormEvent } from 'react';
import { syncStatusChannels } from '../../../../shared/api/sync-status';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { useSync } from '../../stores/sync-store';
import { useSchemaForm } from './useSchemaForm';

const schema = syncStatusChannels['sync.connect'].request;

export function ConnectForm() {
  const setStatus = useSync((s) => s.set);
  const { form, field, failure, busy, submit } = useSchemaForm(
    { serverUrl: 'https://', fingerprint: '', adminToken: '', deviceName: '' },
    schema,
    async (r) => setStatus(await api('sync.connect', r)),
  );
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(form);
  };
  return (
    <form
      className="panel admin-form"
      onSubmit={send}
      noValidate
      aria-label="Connect to a sync server"
    >
      <h3>Connect to a sync server</h3>
      <p className="field__hint">
        The server prints its address, fingerprint and admin token when it first starts. Changes
        made so far on this workstation are sent once it is connected.
      </p>
      <ErrorAlert message={failure} />
      <TextField
        label="Server address"
        type="url"
        autoComplete="url"
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
      <TextField
        label="Server admin token"
        type="password"
        autoComplete="off"
        {...field('adminToken')}
      />
      <TextField
        label="Workstation name"
        autoComplete="off"
        hint="How this computer appears in the list of workstations, e.g. Front desk."
        {...field('deviceName')}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Connecting…' : 'Connect'}
      </button>
    </form>
  );
}
