// Connects this workstation (and registers its clinic) with a sync server:
// the address and CA fingerprint the server printed (the fingerprint is
// pinned), the server's admin token, and a name for this workstation.
import { syncStatusChannels } from '../../../../shared/api/sync-status';
import { api } from '../../api/client';
import { ServerTargetFields, serverTargetBlank } from '../../components/ServerTargetFields';
import { TextField } from '../../components/TextField';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useSync } from '../../stores/sync-store';
import { AdminForm } from './AdminForm';
import { inputKinds } from '../../components/input-kinds';

export function ConnectForm() {
  const setStatus = useSync((s) => s.set);
  const form = useSchemaForm({
    initial: { ...serverTargetBlank, adminToken: '' },
    schema: syncStatusChannels['sync.connect'].request,
    send: (request) => api('sync.connect', request),
    onDone: setStatus,
  });
  return (
    <AdminForm
      title="Connect to a sync server"
      form={form}
      submitLabel="Connect"
      busyLabel="Connecting…"
      intro={
        <p className="field__hint">
          The server prints its address, fingerprint and admin token when it first starts. Changes
          made so far on this workstation are sent once it is connected.
        </p>
      }
    >
      <ServerTargetFields field={form.field} deviceExample="Front desk">
        <TextField
          label="Server admin token"
          {...inputKinds.secret}
          {...form.field('adminToken')}
        />
      </ServerTargetFields>
    </AdminForm>
  );
}
