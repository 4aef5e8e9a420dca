// Admin → Backups → Automatic backups: daily at a time of the clinic's day,
// keeping the last N files in a folder of this computer, while the app runs.
// The passphrase is asked once, here: the core keeps the store key wrapped by
// it (as each backup file carries it), never the passphrase itself.
import { z } from 'zod';
import { BackupPassphrase, type BackupStatus } from '../../../../shared/api/backups';
import { api } from '../../api/client';
import { TextField } from '../../components/TextField';
import { inputKinds } from '../../components/input-kinds';
import { formatInstant, formatTimeOfDay } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AdminForm } from './AdminForm';

const AutoForm = z
  .object({
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 02:30'),
    keep: z
      .string()
      .regex(/^\d{1,3}$/, 'a number of backups, such as 14')
      .transform(Number)
      .pipe(z.number().int().min(1, 'keep at least 1').max(365, 'at most 365')),
    folder: z.string().trim().max(1000),
    passphrase: BackupPassphrase,
    confirm: z.string(),
  })
  .refine((v) => v.passphrase === v.confirm, {
    message: 'the two passphrases differ',
    path: ['confirm'],
  });

interface Props {
  status: BackupStatus;
  timeZone: string;
  onChanged(): void;
}

export function AutoBackupForm({ status, timeZone, onChanged }: Props) {
  const off = useRequest();
  const form = useSchemaForm({
    initial: {
      time: status.auto?.time ?? '02:00',
      keep: String(status.auto?.keep ?? 14),
      folder: status.auto?.folder ?? '',
      passphrase: '',
      confirm: '',
    },
    schema: AutoForm,
    send: (v) =>
      api('backups.configureAuto', {
        enabled: true,
        time: v.time,
        keep: v.keep,
        folder: v.folder,
        passphrase: v.passphrase,
      }),
    onDone: onChanged,
    resetOnFailure: ['passphrase', 'confirm'],
  });
  const auto = status.auto;
  return (
    <AdminForm
      title="Automatic backups"
      form={form}
      submitLabel={auto ? 'Save automatic backups' : 'Turn on automatic backups'}
      busyLabel="Saving…"
      intro={
        <>
          <p>
            Every day at the chosen time while the app is running (if it is closed then, at the next
            start), keeping the newest backups and removing older automatic ones.
          </p>
          {auto && (
            <p role="status" className="status-note">
              On: daily at {formatTimeOfDay(auto.time)}, keeping {auto.keep}, in{' '}
              <code>{auto.folder}</code>. Next {formatInstant(auto.nextAt, timeZone)}.
              {auto.lastError && ` The last attempt failed: ${auto.lastError}`}
            </p>
          )}
          <ErrorAlert message={off.failure?.message ?? null} />
        </>
      }
    >
      <TextField
        label="Time of day"
        hint="24-hour, the clinic’s time, e.g. 02:30"
        {...form.field('time')}
      />
      <TextField label="Backups to keep" inputMode="numeric" {...form.field('keep')} />
      <TextField
        label="Folder"
        hint="A full path on this computer (an external drive, for example). Empty: the data folder’s backups/."
        spellCheck={false}
        {...form.field('folder')}
      />
      <TextField
        label="Backup passphrase"
        hint="At least 12 characters. Every automatic backup opens with it; it is not stored."
        {...inputKinds.newPassword}
        {...form.field('passphrase')}
      />
      <TextField label="Passphrase again" {...inputKinds.newPassword} {...form.field('confirm')} />
      {auto && (
        <button
          type="button"
          className="button button--quiet"
          disabled={off.busy}
          onClick={() =>
            void off
              .run(() => api('backups.configureAuto', { enabled: false }))
              .then((r) => r.ok && onChanged())
          }
        >
          Turn off automatic backups
        </button>
      )}
    </AdminForm>
  );
}
