// First run: restore a backup file (from Admin → Backups or `ehrbs backup`)
// into this still empty workstation, with the passphrase chosen when it was
// made; then the login screen, with the clinic's own accounts. The core
// refuses it once this workstation holds a clinic, as `ehrbs restore` does.
import { backupChannels } from '../../../../shared/api/backups';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SchemaFormElement } from '../../components/SchemaFormElement';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { inputKinds } from '../../components/input-kinds';
import { useSchemaForm } from '../../lib/useSchemaForm';

interface Props {
  onRestored(): void;
  onBack(): void;
}

export function RestoreBackupForm({ onRestored, onBack }: Props) {
  const form = useSchemaForm({
    initial: { path: '', passphrase: '' },
    schema: backupChannels['setup.restoreBackup'].request,
    send: (request) => api('setup.restoreBackup', request),
    onDone: onRestored,
    resetOnFailure: ['passphrase'],
  });
  return (
    <SchemaFormElement form={form} aria-labelledby="restore-title">
      <h2 id="restore-title">Restore from a backup</h2>
      <p className="field__hint">
        A backup made in Admin → Backups (or with <code>ehrbs backup</code>) becomes this
        workstation’s clinic, as it was when the backup was made. It replaces the workstation it
        came from: do not run both.
      </p>
      <ErrorAlert message={form.failure?.message ?? null} />
      <TextField
        label="Backup file"
        hint="Its full path on this computer, for example /home/clinic/backups/clinic-2026-12-01.ehrbs-backup"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        {...form.field('path')}
      />
      <TextField
        label="Backup passphrase"
        hint="The passphrase chosen when the backup was made."
        {...inputKinds.currentPassword}
        {...form.field('passphrase')}
      />
      <div className="button-row">
        <SubmitButton form={form} busyLabel="Restoring…">
          Restore backup
        </SubmitButton>
        <button type="button" className="button button--quiet" onClick={onBack}>
          Back
        </button>
      </div>
    </SchemaFormElement>
  );
}
